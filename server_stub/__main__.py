"""Command line of the reference server: `amphi-server serve | migrate | demo | add-staff`
(or `python -m server_stub`).

Settings come from the environment (`DATABASE_URL`, `DATA_DIR`, `SMTP_HOST`, `SECRET_KEY`,
...; see server_stub/settings.py); the options below override a few of them.
`serve --exit-with-stdin --lock-file PATH` is how the client's demo mode runs it: the server
ends with the client, and never twice on one data folder (see server_stub/instance.py).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from server_stub import __version__
from server_stub.instance import InstanceLock, InstanceLocked, StdinLifeline
from server_stub.settings import Settings

# Open SSE streams would otherwise hold a stopping server forever.
GRACEFUL_SHUTDOWN_SECONDS = 3
# `serve --lock-file`: another server holds the lock (it serves the same data).
EXIT_LOCKED = 3
# `serve` on a database whose schema is behind (or ahead of) this server's: see `migrate`.
EXIT_SCHEMA = 4
PARENT_GONE = "Le programme qui a lancé ce serveur s'est arrêté : arrêt du serveur."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amphi-server",
        description="Serveur de référence d'Amphi (API, événements en direct, données de "
                    "démonstration).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="dossier des données (base SQLite, boîte d'envoi) ; "
                             "par défaut DATA_DIR ou le dossier de l'utilisateur")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    serve = commands.add_parser("serve", help="démarrer le serveur")
    serve.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port d'écoute (8000)")
    serve.add_argument("--demo", action="store_true",
                       help="mode démonstration : crée les données de démonstration si besoin "
                            "et publie les comptes de démonstration")
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="nombre de processus serveurs (1 par défaut) ; plus d'un demande "
                            "PostgreSQL (DATABASE_URL) : ils partagent la base, un seul "
                            "conduit les horloges (docs/deploy.md)")
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--exit-with-stdin", action="store_true",
                       help="s'arrêter proprement quand l'entrée standard se ferme (le "
                            "programme qui a lancé le serveur s'est arrêté, même tué)")
    serve.add_argument("--lock-file", type=Path, default=None,
                       help="fichier verrouillé tant que le serveur tourne, qui donne son "
                            "processus et son port ; refuser de démarrer s'il est déjà tenu")

    migrate = commands.add_parser(
        "migrate", help="mettre le schéma de la base à jour (révisions Alembic) ; le serveur "
                        "refuse de démarrer sur une base en retard")
    migrate.add_argument("--status", action="store_true",
                         help="dire seulement où en est la base (code 0 : à jour, 1 : non)")
    migrate.add_argument("--new", metavar="MESSAGE", default=None,
                         help="(développeurs) écrire une nouvelle révision d'après les modèles")

    demo = commands.add_parser("demo", help="créer les données de démonstration")
    demo.add_argument("--refresh", action="store_true",
                      help="supprimer puis recréer les données de démonstration")

    staff = commands.add_parser(
        "add-staff", help="créer un compte d'agent de l'agence (un lien pour choisir le mot de "
                          "passe lui est envoyé)")
    staff.add_argument("--email", required=True)
    staff.add_argument("--last-name", required=True, help="nom")
    staff.add_argument("--first-name", required=True, help="prénom")
    return parser


def _settings(args: argparse.Namespace, **overrides: Any) -> Settings:
    if args.data_dir is not None:
        overrides["data_dir"] = args.data_dir
    return Settings(**overrides)


def _load_demo(settings: Settings, refresh: bool) -> dict[str, Any]:
    from server_stub.demo import load_demo  # lazy: large module, only for the demo

    return dict(load_demo(settings, refresh=refresh))


def _print_counts(counts: dict[str, Any]) -> None:
    for name, value in counts.items():
        print(f"  {name:<28} {value}")


def cmd_demo(args: argparse.Namespace) -> int:
    settings = _settings(args)
    print(f"Données de démonstration dans {settings.resolved_database_url} …", flush=True)
    _print_counts(_load_demo(settings, args.refresh))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from server_stub import migrations
    from server_stub.core.db import make_engine

    settings = _settings(args)
    engine = make_engine(settings.resolved_database_url)
    try:
        if args.new:
            print(f"Nouvelle révision : {migrations.new_revision(engine, args.new)}")
            return 0
        if args.status:
            now = migrations.state(engine)
            print(f"Schéma : {now.message()}" if now.kind != "empty" else
                  f"Schéma : la base est vide ; « amphi-server migrate » la crée (révision "
                  f"{now.head}).")
            return 0 if now.ready else 1
        before, after = migrations.upgrade(engine)
    except migrations.SchemaOutOfDate as exc:
        print(f"amphi-server : {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if before.kind == "current":
        print(f"Schéma déjà à jour (révision {after.revision}).")
    elif before.kind == "empty":
        print(f"Base vide : schéma créé (révision {after.revision}).")
    else:
        print(f"Schéma mis à jour : {before.revision or 'antérieur aux migrations'} → "
              f"révision {after.revision}.")
    return 0


def _check_schema(settings: Settings) -> str | None:
    """Why the server must not start on this database (French), or None."""
    from server_stub import migrations
    from server_stub.core.db import make_engine

    engine = make_engine(settings.resolved_database_url)
    try:
        now = migrations.state(engine)
    finally:
        engine.dispose()
    if now.kind in ("current", "empty") or (settings.migrate_on_start and now.kind != "ahead"):
        return None
    return now.message()


def cmd_add_staff(args: argparse.Namespace) -> int:
    from server_stub import migrations
    from server_stub.core.context import RequestContext
    from server_stub.core.db import make_engine, make_sessionmaker
    from server_stub.core.errors import ApiError
    from server_stub.core.mail import Mailer
    from server_stub.core.staff import create_staff_account

    settings = _settings(args)
    engine = make_engine(settings.resolved_database_url)
    mailer = Mailer(settings)
    try:
        migrations.prepare(engine, migrate=False)
        ctx = RequestContext(settings, mailer, settings.public_url or "http://127.0.0.1:8000",
                             "cli")
        with make_sessionmaker(engine)() as session:
            person = create_staff_account(session, ctx, args.email, args.last_name,
                                          args.first_name)
            email = person.email
    except ApiError as exc:
        print(f"amphi-server : {exc.message}", file=sys.stderr)
        return 2
    except migrations.SchemaOutOfDate as exc:
        print(f"amphi-server : {exc}", file=sys.stderr)
        return 2
    finally:
        mailer.close()
        engine.dispose()
    where = "par SMTP" if mailer.uses_smtp else f"dans {settings.outbox_dir}"
    print(f"Compte d'agent {email} prêt ; lien pour choisir le mot de passe envoyé {where}.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    # Watched from the very start: a parent that dies while the demo data is being
    # created is seen too (the creation, one transaction, ends; nothing is served).
    lifeline = StdinLifeline() if args.exit_with_stdin else None
    if lifeline is not None:
        lifeline.start()
    with contextlib.ExitStack() as held:
        if args.lock_file is not None:
            lock = held.enter_context(InstanceLock(args.lock_file))
            try:
                lock.acquire(port=args.port, host=args.host, version=__version__)
            except InstanceLocked as exc:
                pid, port = exc.holder.get("pid", "?"), exc.holder.get("port", "?")
                print(f"amphi-server : un autre serveur (processus {pid}, port {port}) "
                      f"tient déjà {exc.path} ; il n'en démarre pas un second sur les "
                      f"mêmes données.", file=sys.stderr, flush=True)
                return EXIT_LOCKED
        return _serve(args, lifeline)


def _workers_problem(args: argparse.Namespace, settings: Settings) -> str | None:
    """Why `--workers N` cannot run as asked (French), or None."""
    if args.workers < 1 or args.workers > 64:
        return "--workers : entre 1 et 64 processus."
    if settings.resolved_database_url.startswith("sqlite"):
        return ("plusieurs processus demandent une base PostgreSQL partagée (DATABASE_URL) : "
                "un fichier SQLite n'a qu'un processus serveur.")
    if args.demo or args.exit_with_stdin or args.lock_file is not None:
        return ("--workers ne se combine pas avec --demo, --exit-with-stdin ni --lock-file "
                "(modes d'un seul processus, pour le client de démonstration).")
    return None


def _serve_workers(args: argparse.Namespace, settings: Settings) -> int:
    """N processes under uvicorn's supervisor, each building the app from the environment.

    The settings the options chose are passed on through the environment (each worker
    reads its own `Settings()`); the secret key is already in DATA_DIR/secret.key (or in
    SECRET_KEY) by now, so every worker signs with the same one. One of them leads the
    clocks (`core/leader.py`).
    """
    import os

    import uvicorn

    from server_stub.app import uvicorn_options

    os.environ["DATA_DIR"] = str(settings.data_dir)
    os.environ["DATABASE_URL"] = settings.resolved_database_url
    print(f"Amphi {__version__} : http://{args.host}:{args.port}, {args.workers} processus "
          f"(API décrite sur /openapi.json)", flush=True)
    uvicorn.run("server_stub.app:create_app", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level,
                timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
                **uvicorn_options(settings))
    return 0


def _serve(args: argparse.Namespace, lifeline: StdinLifeline | None) -> int:
    import uvicorn

    from server_stub.app import create_app, uvicorn_options

    # The demo comes alive: simulated students and interns take their turns.
    overrides: dict[str, Any] = {
        "demo_mode": True,
        "demo_national_participants": True,
        "demo_simulated_participants": True,
    } if args.demo else {}
    if args.demo and "DEMO_START_AMPHI" not in os.environ:
        # Its most interesting state: the national amphitheatre runs (the demo student's
        # turn comes within minutes; the agent follows it). DEMO_START_AMPHI=0: not.
        overrides["demo_start_amphi"] = True
    if args.demo:  # the demo's data is ours: its schema follows the code
        overrides["migrate_on_start"] = True
    settings = _settings(args, **overrides)
    if args.workers != 1:
        problem = _workers_problem(args, settings)
        if problem is not None:
            print(f"amphi-server : {problem}", file=sys.stderr, flush=True)
            return 2
    refused = None if args.demo else _check_schema(settings)
    if refused is not None:
        print(f"amphi-server : {refused}", file=sys.stderr, flush=True)
        return EXIT_SCHEMA
    if args.workers > 1:
        return _serve_workers(args, settings)
    if args.demo:
        print("Préparation des données de démonstration …", flush=True)
        _print_counts(_load_demo(settings, refresh=False))
    if lifeline is not None and lifeline.gone.is_set():
        print(PARENT_GONE, flush=True)
        return 0
    app = create_app(settings)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level=args.log_level,
                            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
                            **uvicorn_options(settings))
    print(f"Amphi {__version__} : http://{args.host}:{args.port} "
          f"(API décrite sur /openapi.json)", flush=True)
    broker = app.state.broker
    signals: list[int] = []

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            signals.append(sig)
            super().handle_exit(sig, frame)
            broker.close_streams()  # open SSE streams end at once instead of holding the exit

        async def serve(self, sockets: list[socket.socket] | None = None) -> None:
            if lifeline is not None:
                loop = asyncio.get_running_loop()

                def wake() -> None:
                    with contextlib.suppress(RuntimeError):  # the loop has already ended
                        loop.call_soon_threadsafe(self.parent_gone)

                lifeline.on_gone(wake)
            await super().serve(sockets)

        def parent_gone(self) -> None:
            """The same clean shutdown as on SIGTERM, minus re-raising a signal at the end."""
            print(PARENT_GONE, flush=True)
            self.should_exit = True
            broker.close_streams()

    Server(config).run()
    # uvicorn re-raises the signal once shut down, but asyncio's own SIGINT handling may
    # swallow it when the loop has just ended: the status after Ctrl+C is said here.
    return 130 if signal.SIGINT in signals else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `amphi-server`; returns the process exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        commands = {"serve": cmd_serve, "migrate": cmd_migrate, "demo": cmd_demo,
                    "add-staff": cmd_add_staff}
        return commands[args.command](args)
    except KeyboardInterrupt:
        return 130
    except (OSError, ValueError) as exc:  # bad settings, unreachable database, port in use
        print(f"amphi-server : {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
