"""Handing a result back, without widgets: look the scanned code up, check the receiver, confirm.

The return screen (ReturnView) draws and reads fields; this presenter decides what a scan and a
confirmation do, through the small `ReturnScreen` protocol, so the flow is tested with a plain
object standing in for the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from counter_app.domain import fees as fee_rules
from counter_app.domain.kinds import FeeCollection
from counter_app.domain.personal_ids import validate_personal_id
from counter_app.domain.validation import ValidationError
from counter_app.ui.i18n import tr
from counter_app.ui.widgets import error_text

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from counter_app.services.dto import DossierDetail
    from counter_app.services.postal import PostalItemView, PostalReturn
    from counter_app.ui.tasks import BackgroundTasks


class ReturnDesk(Protocol):
    """What handing back asks of the ReturnService."""

    def check(self, code: str) -> DossierDetail: ...

    def return_result(
        self,
        code: str,
        receiver_name: str,
        receiver_id_number: str,
        actor: str,
        fees_collected: bool,
        note: str | None = None,
    ) -> None: ...


class PostDesk(Protocol):
    """What a return by post asks of the PostService."""

    def return_by_post(self, code: str, request: PostalReturn, actor: str) -> PostalItemView: ...

    def pool_unused(self) -> int: ...

    def home_province(self) -> str: ...

    def handover_pdf(self, day: date) -> bytes: ...


@dataclass(frozen=True)
class Receiver:
    """Who collects the result, as the clerk filled it in."""

    name: str
    id_number: str
    fees_collected: bool
    note: str | None


class ReturnScreen(Protocol):
    """What the presenter does to the return screen."""

    def scanned_code(self) -> str: ...

    def receiver(self) -> Receiver: ...

    def show_dossier(self, detail: DossierDetail | None) -> None: ...

    def show_message(self, kind: str, text: str) -> None: ...

    def clear_message(self) -> None: ...

    def ready_for_scan(self) -> None:
        """Empty the scan box and put the cursor in it (a scanner's next code lands there)."""
        ...

    def focus_first_field(self) -> None:
        """The cursor in the scan box, its text selected."""
        ...

    def focus_field(self, key: str) -> None:
        """ "receiver_name", "receiver_id_number" or "fees"."""
        ...

    def show_field_issue(self, key: str, message: str | None) -> None:
        """The message under a field ("receiver_id_number"); None clears it."""
        ...

    def announce_returned(self, code: str) -> None: ...

    def postal_request(self) -> PostalReturn | None:
        """The postal fields when “Trả qua bưu điện” is ticked, else None."""
        ...

    def show_pool(self, unused: int | None, home_province: str) -> None:
        """How many tracking numbers are left; the province the address picker starts on."""
        ...

    def show_handover(self, pdf: bytes) -> None: ...


def fees_due_at_return(detail: DossierDetail) -> int:
    return fee_rules.owed(detail.fees, FeeCollection.AT_RETURN)


class ReturnPresenter:
    """`detail` is the dossier on screen, waiting for the clerk's confirmation (or None)."""

    def __init__(
        self,
        screen: ReturnScreen,
        returns: ReturnDesk,
        tasks: BackgroundTasks,
        clerk_username: str,
        owner: QObject | None = None,
        post: PostDesk | None = None,
    ) -> None:
        self._screen, self._returns, self._tasks, self._post = screen, returns, tasks, post
        self._clerk, self._owner = clerk_username, owner
        self.detail: DossierDetail | None = None
        self._busy = False

    def look_up(self) -> None:
        """Enter in the scan box: find the dossier and check its result can be handed back."""
        code = self._screen.scanned_code()
        if not code or self._busy:
            return
        self._busy = True
        self._screen.show_message("info", tr("Đang tìm hồ sơ {code}…").format(code=code))
        returns = self._returns
        self._tasks.run_db(
            lambda: returns.check(code),
            self._on_found,
            lambda error: self._on_refused(code, error),
            owner=self._owner,
            what=tr("Đang tìm hồ sơ để trả kết quả…"),
        )

    def _on_found(self, detail: DossierDetail) -> None:
        self._busy = False
        self._show(detail)
        self._screen.show_message(
            "info",
            tr(
                "Kiểm tra giấy tờ người nhận, "
                "rồi nhấn F9 (hoặc Ctrl+Enter) để xác nhận trả kết quả."
            ),
        )
        # The cursor stays in the scan box: a scanner's next code must never be typed into
        # the receiver's name. Tab reaches the receiver fields when someone else collects.
        self._screen.ready_for_scan()
        self.refresh_pool()

    def refresh_pool(self) -> None:
        """How many tracking numbers are left, for the postal fields."""
        post = self._post
        if post is not None:
            self._tasks.run_db(
                lambda: (post.pool_unused(), post.home_province()),
                lambda found: self._screen.show_pool(*found),
                lambda _error: self._screen.show_pool(None, ""),
                owner=self._owner,
            )

    def _on_refused(self, code: str, error: BaseException) -> None:
        self._busy = False
        self._show(None)
        self._screen.show_message("error", f"{code}: {error_text(error)}")
        self._screen.ready_for_scan()

    def confirm(self) -> None:
        """F9 / Ctrl+Enter: record that the result was handed to the receiver (or posted)."""
        detail = self.detail
        if detail is None or self._busy:
            return
        receiver = self._screen.receiver()
        postal = self._screen.postal_request() if self._post is not None else None
        if not self._ready(detail, receiver, by_post=postal is not None):
            return
        if postal is not None:
            self._confirm_by_post(detail.code, postal)
        else:
            self._return_at_counter(detail.code, receiver)

    def _ready(self, detail: DossierDetail, receiver: Receiver, *, by_post: bool) -> bool:
        """The receiver named (at the counter) and the fees due at return ticked."""
        if not by_post and not receiver.name:
            self._screen.show_message("error", tr("Hãy nhập họ tên người nhận kết quả."))
            self._screen.focus_field("receiver_name")
            return False
        if not by_post and not self._receiver_id_valid(receiver.id_number):
            return False
        if fees_due_at_return(detail) and not receiver.fees_collected:
            self._screen.show_message(
                "error",
                tr("Hồ sơ còn phí, lệ phí thu khi trả kết quả: nhấn Ctrl+T để thu theo biên lai."),
            )
            self._screen.focus_field("fees")
            return False
        return True

    def _receiver_id_valid(self, id_number: str) -> bool:
        """A typed CCCD/CMND must be one (blank is allowed: a relative may have none with them)."""
        issue = None
        if id_number:
            try:
                validate_personal_id(id_number, field="receiver_id_number")
            except ValidationError as error:
                issue = error.issues[0].message
        self._screen.show_field_issue("receiver_id_number", issue)
        if issue is not None:
            self._screen.focus_field("receiver_id_number")
        return issue is None

    def _return_at_counter(self, code: str, receiver: Receiver) -> None:
        self._busy = True
        returns, clerk = self._returns, self._clerk
        self._tasks.run_db(
            lambda: returns.return_result(
                code,
                receiver.name,
                receiver.id_number,
                clerk,
                receiver.fees_collected,
                receiver.note,
            ),
            lambda _none: self._on_returned(code, receiver.name),
            lambda error: self._on_return_failed(code, error),
            owner=self._owner,
        )

    def _confirm_by_post(self, code: str, postal: PostalReturn) -> None:
        """The result goes by post: the number is taken from this PC's pool in the same save."""
        post, clerk = self._post, self._clerk
        assert post is not None, "the postal fields exist only with the post service"
        self._busy = True
        self._tasks.run_db(
            lambda: post.return_by_post(code, postal, clerk),
            lambda item: self._on_posted(code, item),
            lambda error: self._on_return_failed(code, error),
            owner=self._owner,
        )

    def _on_posted(self, code: str, item: PostalItemView) -> None:
        self._busy = False
        self._show(None)
        self._screen.show_message(
            "success",
            tr(
                "Đã trả kết quả hồ sơ {code} qua bưu điện cho {name}, số hiệu bưu gửi "
                "{tracking_number}."
            ).format(code=code, name=item.address.name, tracking_number=item.tracking_number),
        )
        self._screen.announce_returned(code)
        self._screen.focus_first_field()

    def print_handover(self, day: date) -> None:
        """The day's hand-over list for the postman, rendered off the GUI thread."""
        post = self._post
        if post is None:
            return
        self._screen.show_message(
            "info", tr("Đang lập danh sách giao bưu gửi ngày {day:%d/%m/%Y}…").format(day=day)
        )
        self._tasks.run_io(
            lambda: post.handover_pdf(day),
            self._screen.show_handover,
            lambda error: self._screen.show_message(
                "error",
                tr("Không lập được danh sách giao bưu gửi: {error_text}").format(
                    error_text=error_text(error)
                ),
            ),
            owner=self._owner,
        )

    def _on_returned(self, code: str, receiver: str) -> None:
        self._busy = False
        self._show(None)
        self._screen.show_message(
            "success",
            tr("Đã trả kết quả hồ sơ {code} cho {receiver}.").format(code=code, receiver=receiver),
        )
        self._screen.announce_returned(code)
        self._screen.focus_first_field()

    def _on_return_failed(self, code: str, error: BaseException) -> None:
        self._busy = False
        self._screen.show_message(
            "error",
            tr("Chưa trả được hồ sơ {code}: {error_text}").format(
                code=code, error_text=error_text(error)
            ),
        )

    def reset(self) -> None:
        """“Bỏ qua”: no dossier on screen, the cursor back in the scan box."""
        self._show(None)
        self._screen.clear_message()
        self._screen.focus_first_field()

    def _show(self, detail: DossierDetail | None) -> None:
        self.detail = detail
        self._screen.show_dossier(detail)
