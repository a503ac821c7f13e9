from django.db import migrations


def create_home(apps, schema_editor):
    """Replace Wagtail's welcome page with the site's home page and course catalogue."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("courses", "HomePage")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    locale, _ = Locale.objects.get_or_create(language_code="en")
    home_type, _ = ContentType.objects.get_or_create(app_label="courses", model="homepage")
    index_type, _ = ContentType.objects.get_or_create(app_label="courses", model="courseindexpage")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="CME Tracker",
        draft_title="CME Tracker",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=1,
        url_path="/home/",
        locale=locale,
        intro="<p>Continuing medical education for the health workers of Iraq and the Kurdistan Region.</p>",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    CourseIndexPage.objects.create(
        title="Courses",
        draft_title="Courses",
        slug="courses",
        content_type=index_type,
        path=f"{home.path}0001",
        depth=3,
        numchild=0,
        url_path="/home/courses/",
        locale=locale,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "CME Tracker"},
    )


def remove_home(apps, schema_editor):
    """Give the site back Wagtail's welcome page, as before this migration.

    The home pages (every language) and the pages under them go: their tables go too when
    courses is migrated further back, and rows left behind would block the path of a new home.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")

    homes = list(
        Page.objects.filter(content_type__app_label="courses", content_type__model="homepage")
    )
    if not homes:
        return
    first_path = min(home.path for home in homes)
    for home in homes:
        Page.objects.filter(path__startswith=home.path).delete()
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    welcome = Page.objects.create(
        title="Welcome to your new Wagtail site!",
        draft_title="Welcome to your new Wagtail site!",
        slug="home",
        content_type=page_type,
        path=first_path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.get_or_create(language_code="en")[0],
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": welcome.id},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_home, remove_home)]
