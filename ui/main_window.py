"""The main window: a list of screens on the left, the chosen screen on the right.

Screens are listed once in ``SCREENS``; adding one is one line. Each page is
made the first time it is shown, from ``module.class_name(session, parent)``;
a screen whose module is not there yet shows a placeholder, so the shell works
while other parts are still being built.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMessageBox, QWidget

from haian_desk.people import permissions
from ui import numbering_notice, window_place
from ui.i18n import QT_TRANSLATE_NOOP
from ui.idle_lock import IdleLock
from ui.session import Session
from ui.sync.status import SyncStatusLabel
from ui.township.arrivals import watch_arrivals
from ui.widgets.feedback import alive
from ui.widgets.navigation import Entry, NavigationList
from ui.widgets.page_stack import PageStack, scrolling
from ui.widgets.status import DeadlineCounts, UserLabel

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)
APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "海安群众事务代理工作台")


@dataclass(frozen=True)
class Screen:
    key: str
    title: str  # Chinese source text; shown through translate("Screens", …)
    shortcut: str
    module: str
    class_name: str

    def label(self) -> str:
        return QCoreApplication.translate("Screens", self.title)


SCREENS: tuple[Screen, ...] = (
    Screen("intake", QT_TRANSLATE_NOOP("Screens", "受理登记"), "F2", "ui.intake.page", "IntakePage"),
    Screen("queue", QT_TRANSLATE_NOOP("Screens", "办件"), "F3", "ui.township.queue", "NetworkQueuePage"),
    Screen("villagers", QT_TRANSLATE_NOOP("Screens", "群众"), "F4", "ui.villagers.page", "VillagersPage"),
    Screen("cadres", QT_TRANSLATE_NOOP("Screens", "代理员"), "Ctrl+F4", "ui.cadres.page", "CadresPage"),
    Screen("catalogue", QT_TRANSLATE_NOOP("Screens", "事项目录"), "F5", "ui.catalogue.page", "CataloguePage"),
    Screen("support", QT_TRANSLATE_NOOP("Screens", "结对帮扶"), "F7", "ui.support.screen", "SupportScreen"),
    Screen("opinions", QT_TRANSLATE_NOOP("Screens", "民意座谈"), "F8", "ui.opinions.screen", "OpinionsScreen"),
    Screen("complaints", QT_TRANSLATE_NOOP("Screens", "举报"), "Ctrl+F7", "ui.complaints.screen", "ComplaintsScreen"),
    Screen("assessment", QT_TRANSLATE_NOOP("Screens", "考核"), "Ctrl+F8", "ui.assessment.screen", "AssessmentScreen"),
    Screen("settings", QT_TRANSLATE_NOOP("Screens", "设置"), "F6", "ui.settings.page", "SettingsPage"),
    Screen("sync", QT_TRANSLATE_NOOP("Screens", "同步"), "F9", "ui.sync.page", "SyncPage"),
)
# Shown only at a township (or county) centre, after the screens every installation has.
HUB_SCREENS: tuple[Screen, ...] = (
    Screen("inbox", QT_TRANSLATE_NOOP("Screens", "上报事项"), "F10", "ui.township.inbox", "InboxPage"),
    Screen("stations", QT_TRANSLATE_NOOP("Screens", "站点"), "F11", "ui.township.stations", "StationsPage"),
    Screen("conflicts", QT_TRANSLATE_NOOP("Screens", "冲突核对"), "F12", "ui.township.conflicts", "ConflictsPage"),
)


def screens_for(role: str) -> tuple[Screen, ...]:
    """The screens an installation of ``role`` shows."""
    return SCREENS + (HUB_SCREENS if role in ("township", "county") else ())


def _import_optional(module_name: str):
    """The module, or None if it (or its package) does not exist yet; other errors propagate."""
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if module_name == missing or module_name.startswith(missing + "."):
            log.info("%s is not there yet; showing a placeholder", module_name)
            return None
        raise


class Placeholder(QLabel):
    def __init__(self, screen: Screen, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"placeholder_{screen.key}")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(self.tr("“{0}”还在建设中，下一版本提供。").format(screen.label()))


def make_page(screen: Screen, session: Session, parent: QWidget | None = None) -> QWidget:
    module = _import_optional(screen.module)
    if module is None:
        return Placeholder(screen, parent)
    return getattr(module, screen.class_name)(session, parent)


class MainWindow(QMainWindow):
    preferencesChanged = Signal(object)  # ui.settings.preferences.Preferences
    logoutRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.pages: dict[str, QWidget] = {}
        self.screens = self._screens()
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", APP_TITLE) + " — " + session.desk.installation.unit_name
        )
        self._build_navigation()
        self._build_menus()
        self._build_status_bar()
        self.resize(1280, 800)
        self.show_screen(self.screens[0].key)
        self.idle_lock = IdleLock(session, self)  # hides every window after the station's idle time
        self.idle_lock.logoutRequested.connect(self.logoutRequested)
        self._after_opening()

    def _screens(self) -> tuple[Screen, ...]:
        return screens_for(self.session.desk.installation.role)

    def _after_opening(self) -> None:
        numbering_notice.check(self, self.session)  # after a restore: the backup's age, sync or work offline

    # --- building -------------------------------------------------------------------------

    def _build_navigation(self) -> None:
        # The list packs itself tighter on a short screen, so every screen's key stays in view.
        self.nav = NavigationList(
            [
                Entry(s.key, s.label(), s.shortcut, self.tr("{0}（快捷键 {1}）").format(s.label(), s.shortcut))
                for s in self.screens
            ]
        )
        self.nav.currentRowChanged.connect(lambda row: self.show_screen(self.screens[row].key))
        self.stack = PageStack()
        self.stack.setObjectName("screens")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(scrolling(self.stack), 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        desk_menu = self.menuBar().addMenu(self.tr("工作台(&W)"))
        import_action = QAction(self.tr("导入(&I)…"), self)
        import_action.setObjectName("importAction")
        import_action.triggered.connect(self.open_import)
        # Only who may import sees it (station head, admin): a clerk would meet a refusal at the end.
        import_action.setVisible(self.may_import())
        desk_menu.addAction(import_action)
        desk_menu.addSeparator()
        logout = QAction(self.tr("退出登录(&L)"), self)
        logout.triggered.connect(self.logoutRequested)
        quit_action = QAction(self.tr("退出程序(&X)"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        desk_menu.addActions([logout, quit_action])
        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        self.screen_actions: dict[str, QAction] = {}
        for screen in self.screens:
            action = QAction(screen.label(), self)
            action.setShortcut(QKeySequence(screen.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(self.tr("{0}（快捷键 {1}）").format(screen.label(), screen.shortcut))
            action.triggered.connect(lambda _=False, key=screen.key: self.show_screen(key))
            go_menu.addAction(action)
            self.screen_actions[screen.key] = action
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        card = QAction(self.tr("快捷键卡（打印）(&K)"), self)
        card.setObjectName("keyboard_card")
        card.setShortcut(QKeySequence("F1"))
        card.triggered.connect(self.show_keyboard_card)
        help_menu.addAction(card)
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.deadline_counts = DeadlineCounts(self.session)
        self.user_label = UserLabel(self.session)
        self.sync_status = SyncStatusLabel(self.session, self)  # 全部已上报 / N 件待上报 / 同步失败
        # Another program writing to this database: screens follow. Owned by the window, so its
        # timer ends with the window on this thread, never with a session collected elsewhere.
        self.arrivals = watch_arrivals(self.session, owner=self)
        bar = self.statusBar()
        bar.addPermanentWidget(self.sync_status)
        bar.addPermanentWidget(self.deadline_counts)
        bar.addPermanentWidget(self.user_label)

    # --- screens ----------------------------------------------------------------------------

    def current_key(self) -> str:
        return self.screens[self.nav.currentRow()].key if self.nav.currentRow() >= 0 else ""

    def page(self, key: str) -> QWidget:
        """The page for ``key``, made now if it has not been shown yet."""
        if key not in self.pages:
            screen = next(s for s in self.screens if s.key == key)
            page = make_page(screen, self.session, self.stack)
            self._connect_page(page)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_screen(self, key: str) -> None:
        page = self.page(key)
        row = next(i for i, s in enumerate(self.screens) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # re-enters here through currentRowChanged
            return
        self.stack.setCurrentWidget(page)
        if not self.nav.hasFocus():  # arrowing through the list keeps focus in the list
            (page.focusProxy() or page).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_page(self, page: QWidget) -> None:
        """Wire the signals a page may offer (pages offer only what they need)."""
        if hasattr(page, "openCase"):
            page.openCase.connect(self.open_case)
        if hasattr(page, "caseRegistered"):
            page.caseRegistered.connect(self.case_registered)
        if hasattr(page, "preferencesChanged"):
            page.preferencesChanged.connect(self.preferencesChanged)

    # --- cases ------------------------------------------------------------------------------

    def open_case(self, case_id: str) -> None:
        module = _import_optional("ui.cases.detail")
        if module is None:
            notice = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("办件详情"),
                self.tr("办件详情窗口还在建设中。"),
                QMessageBox.StandardButton.Ok,
                self,
            )
            notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            notice.open()
            return
        dialog = module.CaseDetailDialog(self.session, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def case_registered(self, case_id: str) -> None:
        """A new case: the queue shows it (it refreshes on Session.changed) and is told to select it."""
        queue = self.pages.get("queue")
        if queue is not None and hasattr(queue, "select_case"):
            queue.select_case(case_id)
        self.session.run(lambda desk: _case_no(desk, case_id), alive(self, self._announce))

    def _announce(self, case_no: str) -> None:
        self.statusBar().showMessage(self.tr("已登记办件 {0}，按 F3 到“办件”查看").format(case_no), 30_000)

    def may_import(self) -> bool:
        return permissions.may(self.session.user.role, "import.run")

    def open_import(self):
        """工作台 → 导入…: rosters, past ledgers and cadre lists from spreadsheets (ui.imports)."""
        from ui.imports.dialog import ImportDialog

        if not self.may_import():
            return None

        dialog = ImportDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_keyboard_card(self):
        """The keys of the counter path on one A4 sheet, previewed to print (ui.printing.keyboard_card)."""
        from ui.printing import actions, keyboard_card

        card = keyboard_card.build(self.session.desk.installation.unit_name)
        return actions.open_preview(self, card, keyboard_card.CARD_PAPER)

    def _about(self) -> None:
        from haian_desk import __version__

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("海安群众事务代理工作台 {0}\n为群众无偿代理：民意代言、事务代办、诉求代理。").format(__version__),
        )

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def remember_place(self, folder) -> None:
        """Open where this PC's window was last time (fitted to the screens there are now), and
        keep its place on closing. The app does this; windows made in tests stay at 1280×800."""
        self.place_folder = folder
        window_place.place(self, folder)

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        if event.isAccepted() and getattr(self, "place_folder", None) is not None:
            window_place.save(self.place_folder, self)


def _case_no(desk: Desk, case_id: str) -> str:
    from haian_desk.cases import queries

    return queries.get_case(desk, case_id).case_no
