"""The assessment, paired-support, opinions and complaints screens: nothing cut off in large
print (长辈模式) or in English, at the size they get inside the main window."""

from __future__ import annotations

import pytest

from tests.ui.helpers import assert_nothing_clipped, wait_idle
from ui import i18n
from ui.assessment.screen import AssessmentScreen
from ui.complaints.screen import ComplaintsScreen
from ui.opinions.screen import OpinionsScreen
from ui.support.screen import SupportScreen
from ui.widgets.appearance import apply_font


@pytest.mark.parametrize(
    "language, large",
    [("zh_CN", False), ("zh_CN", True), ("en", False), ("en", True)],
    ids=["chinese", "chinese-large", "english", "english-large"],
)
@pytest.mark.parametrize("screen_class", [AssessmentScreen, SupportScreen, OpinionsScreen, ComplaintsScreen])
def test_no_text_is_cut_off(qtbot, demo_session, ui_app, restore_appearance, language, large, screen_class):
    apply_font(ui_app, large)
    i18n.install_language(language)
    screen = screen_class(demo_session)
    qtbot.addWidget(screen)
    screen.resize(900, 650)
    screen.show()
    qtbot.waitExposed(screen)
    wait_idle(qtbot, demo_session)
    assert_nothing_clipped(qtbot, screen, screen_class.__name__)  # once the layouts have settled
