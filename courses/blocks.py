from wagtail import blocks

module_body_blocks = [
    ("heading", blocks.CharBlock(form_classname="title", template="courses/blocks/heading.html")),
    ("paragraph", blocks.RichTextBlock()),
]
