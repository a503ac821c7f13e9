"""The JSON-LD contexts credentials name, served from copies in this package: never the network.

A verifier canonicalises with the same contexts, so a context that changed under us would break
every proof; the copies are those the Digital Credentials Consortium's loader bundles
(`contexts/README.md` says where each comes from).
"""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
_FILES = {VC_V2: "credentials-v2.jsonld", OB_V3: "ob-context-3.0.3.json"}
_DIRECTORY = Path(__file__).resolve().parent / "contexts"


class UnknownContext(jsonld.JsonLdError):
    """A document named a context the site does not keep (nothing is fetched)."""


@cache
def _context(url: str) -> dict:
    return json.loads((_DIRECTORY / _FILES[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options=None) -> dict:
    """pyld's document loader over the vendored contexts."""
    if url not in _FILES:
        raise UnknownContext(f"No local copy of {url}", "jsonld.LoadDocumentError")
    return {"contextUrl": None, "documentUrl": url, "document": _context(url)}


def canonical_nquads(document: dict) -> str:
    """RDF Dataset Canonicalization (RDFC-1.0, which is URDNA2015) of a JSON-LD document."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )
