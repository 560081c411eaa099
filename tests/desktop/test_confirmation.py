"""The last two steps of a choice: only step 2's "Oui" then step 3's OK make it final."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.confirmation import ChoiceSummary, ConfirmationSteps, FinalDialog
from tests.desktop.conftest import until

SUMMARY = ChoiceSummary("Cardiologie à LYON", ("Votre vœu n° 2, place 3 / 12",))


def _scenario(qtbot: QtBot, clicks: list[str]) -> Callable[[], Any]:
    """Run the steps, clicking the named buttons in order; return the outcome."""
    parent = QWidget()
    qtbot.addWidget(parent)
    steps = ConfirmationSteps(parent)

    async def play() -> tuple[bool, list[str]]:
        task = asyncio.ensure_future(steps.run(SUMMARY))
        seen: list[str] = []
        for name in clicks:
            await until(lambda: steps.current is not None and steps.current.isVisible())
            dialog = steps.current
            assert dialog is not None
            seen.append(dialog.objectName())
            qtbot.mouseClick(getattr(dialog, name), Qt.MouseButton.LeftButton)
            await until(lambda dialog=dialog: steps.current is not dialog)
        return await task, seen

    return play


def test_yes_then_ok_is_final(qtbot: QtBot, arun: Any) -> None:
    result, seen = arun(_scenario(qtbot, ["confirm_button", "ok_button"])())
    assert result is True
    assert seen == ["irrevocableDialog", "finalDialog"]


def test_going_back_at_step_two_chooses_nothing(qtbot: QtBot, arun: Any) -> None:
    result, seen = arun(_scenario(qtbot, ["back_button"])())
    assert result is False and seen == ["irrevocableDialog"]


def test_cancel_at_the_last_step_chooses_nothing(qtbot: QtBot, arun: Any) -> None:
    result, seen = arun(_scenario(qtbot, ["confirm_button", "cancel_button"])())
    assert result is False and seen == ["irrevocableDialog", "finalDialog"]


def test_the_texts_name_the_post_and_say_it_is_irrevocable(qtbot: QtBot) -> None:
    from desktop.ui.confirmation import IrrevocableDialog

    step2 = IrrevocableDialog(SUMMARY)
    qtbot.addWidget(step2)
    assert "irrévocable, non répudiable et non contestable" in step2.warning.text
    assert step2.post_label.text() == "Cardiologie à LYON"
    assert step2.back_button.text() == "&Non, je reviens à mes choix"  # Alt+N
    assert step2.confirm_button.text() == "&Oui, je confirme"  # Alt+O
    assert not step2.confirm_button.isDefault()  # Enter never confirms by accident
    step3 = FinalDialog(SUMMARY)
    qtbot.addWidget(step3)
    assert "Cardiologie à LYON" in step3.question.text()
    assert (step3.ok_button.text(), step3.cancel_button.text()) == ("&OK", "&Annuler")


def test_cancel_closes_the_open_step_as_a_refusal(qtbot: QtBot, arun: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    steps = ConfirmationSteps(parent)

    async def play() -> bool:
        task = asyncio.ensure_future(steps.run(SUMMARY))
        await until(lambda: steps.current is not None and steps.current.isVisible())
        steps.cancel()  # e.g. the turn ended meanwhile
        return await task

    assert arun(play()) is False


def _keyboard_scenario(qtbot: QtBot, keys: list[tuple[Qt.Key, Qt.KeyboardModifier]]
                       ) -> Callable[[], Any]:
    """Run the steps with the keyboard only: one key (with modifier) per step."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps = ConfirmationSteps(parent)

    async def play() -> tuple[bool, list[str]]:
        task = asyncio.ensure_future(steps.run(SUMMARY))
        seen: list[str] = []
        for key, modifier in keys:
            await until(lambda: steps.current is not None and steps.current.isVisible())
            dialog = steps.current
            assert dialog is not None
            dialog.activateWindow()
            await until(lambda dialog=dialog: QApplication.activeWindow() is dialog)
            seen.append(dialog.objectName())
            QTest.keyClick(dialog.focusWidget() or dialog, key, modifier)
            await until(lambda dialog=dialog: steps.current is not dialog)
        return await task, seen

    return play


def test_the_steps_work_from_the_keyboard(qtbot: QtBot, arun: Any) -> None:
    alt, none = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.NoModifier
    # Alt+O (« Oui, je confirme ») then Alt+O (« OK »): chosen.
    assert arun(_keyboard_scenario(qtbot, [(Qt.Key.Key_O, alt), (Qt.Key.Key_O, alt)])()) == (
        True, ["irrevocableDialog", "finalDialog"])
    # Alt+N (« Non, je reviens à mes choix »): nothing chosen.
    assert arun(_keyboard_scenario(qtbot, [(Qt.Key.Key_N, alt)])()) == (
        False, ["irrevocableDialog"])
    # Échap at either step goes back; the focus starts on the safe button, so Espace too.
    assert arun(_keyboard_scenario(qtbot, [(Qt.Key.Key_O, alt), (Qt.Key.Key_Escape, none)])()
                ) == (False, ["irrevocableDialog", "finalDialog"])
    assert arun(_keyboard_scenario(qtbot, [(Qt.Key.Key_Space, none)])()) == (
        False, ["irrevocableDialog"])


def test_enter_never_confirms(qtbot: QtBot, arun: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps = ConfirmationSteps(parent)

    async def play() -> None:
        task = asyncio.ensure_future(steps.run(SUMMARY))
        await until(lambda: steps.current is not None and steps.current.isVisible())
        dialog = steps.current
        assert dialog is not None
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        QTest.keyClick(dialog, Qt.Key.Key_Enter)
        await asyncio.sleep(0.2)
        assert steps.current is dialog and dialog.isVisible() and not task.done()
        steps.cancel()
        assert await task is False

    arun(play())


def test_only_the_national_choice_says_the_wishes_freeze(qtbot: QtBot) -> None:
    """The amphitheatre's interns have no wish list: « Vous ne pourrez plus modifier vos
    vœux » is not theirs to read (issue 15)."""
    from desktop.ui.confirmation import IrrevocableDialog

    intern = IrrevocableDialog(SUMMARY)
    qtbot.addWidget(intern)
    assert "vœux" not in intern.warning.text
    assert "Vous ne pourrez plus changer de poste." in intern.warning.text
    student = IrrevocableDialog(ChoiceSummary("Pédiatrie à LYON", freezes_wishes=True))
    qtbot.addWidget(student)
    assert "Vous ne pourrez plus modifier vos vœux ni changer de poste." in student.warning.text
