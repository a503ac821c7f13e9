from django.apps import AppConfig


class CmeConfig(AppConfig):
    name = "cme"
    verbose_name = "CME Tracker"

    def ready(self):
        from PIL import Image

        from django.conf import settings

        from cme.spreadsheets import wagtail_exports_protect

        wagtail_exports_protect()

        # Pillow refuses to open an image of more than twice this many pixels (and warns above).
        Image.MAX_IMAGE_PIXELS = settings.CME_IMAGE_MAX_PIXELS
