from certificates.models.records import Certificate, CertificateStatus
from certificates.models.snippets import CertificateTemplate

__all__ = ["Certificate", "CertificateStatus", "CertificateTemplate"]
