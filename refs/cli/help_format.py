"""Help that reads like other command-line tools': an argument is shown by its name or
metavar (``PATH``, ``KEY``) alone, not followed by typer's type label
(``<list[Path]>``)."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup


class NamedArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class RefsGroup(TyperGroup):
    """The refs command group: its commands' named arguments lose the type label."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        for param in command.params if command is not None else ():
            if type(param) is TyperArgument:
                param.__class__ = NamedArgument
        return command
