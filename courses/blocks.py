"""StreamField blocks of a module's teaching content; each block has its own template."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        form_classname = "title"
        icon = "title"
        label = _("Heading")
        template = "courses/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "courses/blocks/paragraph.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("text alternative"),
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class HandoutBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("handout"))
    title = blocks.CharBlock(label=_("title"), required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Handout")
        template = "courses/blocks/handout.html"


class VideoBlock(blocks.StructBlock):
    """A video from a provider, loaded only when the reader asks for it."""

    video = EmbedBlock(label=_("video address"))
    title = blocks.CharBlock(label=_("title"))
    text_alternative = blocks.RichTextBlock(
        label=_("text alternative"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What the video teaches, for readers who cannot watch it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("warning", _("Warning")), ("protocol", _("Protocol")), ("tip", _("Tip"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("item")), label=_("items"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "courses/blocks/checklist.html"


class SlideDeckBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("slide deck"))
    title = blocks.CharBlock(label=_("title"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Slide deck")
        template = "courses/blocks/slide_deck.html"


module_body_blocks = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
    ("image", CaptionedImageBlock()),
    ("handout", HandoutBlock()),
    ("video", VideoBlock()),
    ("callout", CalloutBlock()),
    ("checklist", ChecklistBlock()),
    ("slide_deck", SlideDeckBlock()),
]
