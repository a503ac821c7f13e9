from django.core.files.storage import storages


def private_storage():
    """Files that are never served by URL: evidence, certificates, restricted exports."""
    return storages["private"]
