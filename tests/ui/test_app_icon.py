"""Every window carries the app's icon (the taskbar shows it on the station PC)."""

from ui.app import make_application


def test_the_application_has_its_icon(qapp):
    app = make_application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()
