"""What every screen needs: the records, the preferences, drafts and navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_app.settings import Settings
from ui.drafts import Drafts

if TYPE_CHECKING:  # the workspace brings SQLAlchemy, which the first paint does without
    from desktop_app.storage.workspace import Workspace
    from ui.navigator import Navigator

T = TypeVar("T")


@dataclass
class AppContext:
    workspace: Workspace
    settings: Settings
    drafts: Drafts
    nav: Navigator
    #: Called after a change to text size or contrast, to restyle the whole app.
    restyle: Callable[[], None] = field(default=lambda: None)
    #: Called with a language code to switch the app to it and rebuild the screens.
    relanguage: Callable[[str], None] = field(default=lambda _code: None)
    #: Called after something changed the records (to refresh figures).
    records_changed: list[Callable[[], None]] = field(default_factory=list)

    def call(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return self.workspace.call(service, *args, **kwargs)

    def changed(self) -> None:
        for listener in list(self.records_changed):
            listener()
