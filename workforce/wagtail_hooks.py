from wagtail import hooks

from workforce.viewsets import facility_chooser_viewset, workforce_viewset_group


@hooks.register("register_admin_viewset")
def register_workforce_viewsets():
    return workforce_viewset_group()


@hooks.register("register_admin_viewset")
def register_facility_chooser():
    return facility_chooser_viewset
