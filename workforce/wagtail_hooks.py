from wagtail import hooks

from workforce.viewsets import workforce_viewset_group


@hooks.register("register_admin_viewset")
def register_workforce_viewsets():
    return workforce_viewset_group()
