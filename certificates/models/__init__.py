from certificates.models.records import Certificate, CertificateStatus
from certificates.models.snippets import CertificateTemplate, Signatory

__all__ = ["Certificate", "CertificateStatus", "CertificateTemplate", "Signatory"]
