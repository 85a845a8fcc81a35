"""The bridge's web app: forms for new offers and changes, the reference page, the editors' status page.

Routes (all pages German, working without JavaScript):
  /                              the Börsen, each with its form
  /<boerse>/neu                  the form for a new offer
  /<boerse>/<angebot>/aendern    the form prefilled from the current file ("Änderung vorschlagen")
  /vorgang/<nummer>              the state of a submission, nothing else
  /status/                       for the editors (password): pending, delivered, failed; retry
  /health                        for monitoring
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import functools
import logging
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from boersen import schema as schemas
from boersen.catalog import Catalog, load_catalog
from boersen.ci.text import markdown as markdown_text
from boersen.forms import FormValues, Group, Node, Repeat, form_data, form_fields
from boersen.images.checking import MAX_IMAGE_BYTES
from boersen.model import Boerse, Offer
from boersen.problems import Problems
from boersen.source import read_text
from boersen.today import resolve_today

from .config import Settings
from .delivery import Deliverer
from .forges import blob_sha
from .forges.github import GitHub
from .forges.gitlab import GitLab
from .proof_of_work import PROOF_FIELD, PROOF_MISSING, WIDGET_STYLE_HASH, ProofOfWork
from .security import HONEYPOT, TOKEN_FIELD, BodyLimit, RateLimiter, Tokens, password_ok, same_origin
from .store import CLOSED, DELIVERED, FAILED, MERGED, RECEIVED, Store
from .submissions import CONTACT_PREFIX, NEW_ORGANISATION, ORGANISATION_PREFIX, PICTURE_FIELD, Prepared, prepare

HERE = Path(__file__).parent
THEME_CSS = HERE.parent / "theme" / "static" / "css"
log = logging.getLogger("bridge")
PUBLIC_STATE = {RECEIVED: RECEIVED, FAILED: RECEIVED, DELIVERED: DELIVERED, MERGED: MERGED, CLOSED: CLOSED}


@dataclass
class Bridge:
    """Everything a request needs; built once at start."""

    settings: Settings
    catalog: Catalog
    store: Store
    tokens: Tokens
    limiter: RateLimiter
    deliverer: Deliverer
    templates: Environment
    clock: object
    today: datetime.date
    proof: ProofOfWork

    def boerse(self, slug: str) -> Boerse | None:
        return next((boerse for boerse in self.catalog.boersen if boerse.slug == slug), None)


def make_forge(settings: Settings, clock=time.time):
    if settings.forge == "github":
        return GitHub(
            settings.api_url, settings.repository, token=settings.token, app_id=settings.app_id, app_key=settings.app_key, clock=clock
        )
    return GitLab(settings.api_url, settings.repository, token=settings.token, clock=clock)


def create_app(
    settings: Settings | None = None,
    *,
    forge=None,
    clock=time.time,
    today: datetime.date | None = None,
    deliver_in_background: bool = True,
) -> Starlette:
    """The app; ``today`` defaults to the project's one clock (BOERSEN_HEUTE or the system date)."""
    settings = settings or Settings.from_environment()
    today = today or resolve_today(None)
    catalog, _ = load_catalog(settings.data_path, today)
    store = Store(settings.database)
    forge = forge or make_forge(settings, clock)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True), trim_blocks=True)
    templates.globals.update(NEW_ORGANISATION=NEW_ORGANISATION, ORGANISATION_PREFIX=ORGANISATION_PREFIX, HONEYPOT=HONEYPOT)
    templates.filters["md"] = markdown_text
    bridge = Bridge(
        settings=settings,
        catalog=catalog,
        store=store,
        tokens=Tokens(settings.secret, min_age=settings.min_fill_seconds, max_age=settings.max_form_age_seconds, clock=clock),
        limiter=RateLimiter(settings.rate_limit, clock=clock),
        deliverer=Deliverer(store, forge, base=settings.branch, label=settings.label, clock=clock),
        templates=templates,
        clock=clock,
        today=today,
        proof=ProofOfWork(settings.secret, clock=clock),
    )

    @contextlib.asynccontextmanager
    async def lifespan(app):
        stop = asyncio.Event()
        worker = asyncio.create_task(bridge.deliverer.run(stop)) if deliver_in_background else None
        try:
            yield
        finally:
            stop.set()
            if worker:
                await worker
            with contextlib.suppress(Exception):
                await forge.close()
            store.close()

    routes = [
        Route("/", index),
        Route("/health", health),
        Route("/status/", status, methods=["GET"]),
        Route("/status/{id:int}/erneut", retry, methods=["POST"]),
        Route("/vorgang/{number}", reference),
        Route("/altcha/challenge", altcha_challenge),
        Route("/{boerse}/neu", new_offer, methods=["GET", "POST"]),
        Route("/{boerse}/{offer}/aendern", change_offer, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Mount("/theme", StaticFiles(directory=THEME_CSS), name="theme"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.bridge = bridge
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes, upload_limit=settings.max_upload_request_bytes)
    return app


def _bridge(request: Request) -> Bridge:
    return request.app.state.bridge


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    bridge = _bridge(request)
    html = bridge.templates.get_template(template).render(request=request, catalog=bridge.catalog, **context)
    policy = "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    if bridge.settings.altcha:
        policy += f"; style-src 'self' {WIDGET_STYLE_HASH}"
    headers = {
        "Content-Security-Policy": policy,
        "Referrer-Policy": "same-origin",  # "no-referrer" would make browsers send "Origin: null" with the form
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
    return HTMLResponse(html, status_code=status_code, headers=headers)


def not_found(request: Request, message: str) -> HTMLResponse:
    return render(request, "message.html", 404, title="Nicht gefunden", message=message)


async def altcha_challenge(request: Request) -> Response:
    bridge = _bridge(request)
    if not bridge.settings.altcha:
        return not_found(request, "Diese Seite gibt es nicht.")
    return JSONResponse(bridge.proof.challenge(), headers={"Cache-Control": "no-store"})


async def index(request: Request) -> Response:
    return render(request, "index.html")


async def health(request: Request) -> Response:
    counts = _bridge(request).store.counts()
    return JSONResponse({"status": "ok", "offen": counts.get(RECEIVED, 0), "fehlgeschlagen": counts.get(FAILED, 0)})


async def reference(request: Request) -> Response:
    submission = _bridge(request).store.by_number(request.path_params["number"].upper())
    if submission is None:
        return not_found(request, "Zu dieser Vorgangsnummer gibt es keinen Vorgang. Bitte prüfen Sie die Nummer.")
    return render(request, "reference.html", number=submission.number, state=PUBLIC_STATE[submission.state])


# --- The forms ----------------------------------------------------------------------


async def new_offer(request: Request) -> Response:
    bridge = _bridge(request)
    boerse = bridge.boerse(request.path_params["boerse"])
    if boerse is None:
        return not_found(request, "Diese Börse gibt es nicht.")
    return await _form(request, bridge, boerse, None)


async def change_offer(request: Request) -> Response:
    bridge = _bridge(request)
    boerse = bridge.boerse(request.path_params["boerse"])
    offer = next((o for o in boerse.offers if o.slug == request.path_params["offer"]), None) if boerse else None
    if offer is None:
        return not_found(request, "Dieses Angebot gibt es nicht (mehr).")
    return await _form(request, bridge, boerse, offer)


def _form_id(boerse: Boerse, offer: Offer | None) -> str:
    return f"{boerse.slug}/{offer.slug}" if offer else f"{boerse.slug}/neu"


async def _form(request: Request, bridge: Bridge, boerse: Boerse, offer: Offer | None) -> Response:
    form_id = _form_id(boerse, offer)
    if request.method == "GET":
        data, basis = ({}, None) if offer is None else _current(bridge, boerse, offer)
        return _show_form(request, bridge, boerse, offer, data=data, basis=basis, token=bridge.tokens.issue(form_id))
    allowed = {f"{request.url.scheme}://{request.url.netloc}"} | ({bridge.settings.site_origin} if bridge.settings.site_origin else set())
    if not same_origin(request.headers.get("origin"), allowed):
        return render(
            request, "message.html", 403, title="Nicht erlaubt", message="Dieses Formular kann nur auf dieser Seite abgeschickt werden."
        )
    form = await request.form(max_files=1, max_fields=2000)
    values = FormValues([(key, value) for key, value in form.multi_items() if isinstance(value, str)])
    upload = await _upload(form.get(PICTURE_FIELD))
    basis = values.one("_basis") or None
    token = values.one(TOKEN_FIELD)
    # The form again, with everything typed (a chosen file must be chosen again).
    again = functools.partial(
        _show_form, request, bridge, boerse, offer, values=values, uploaded=upload is not None, basis=basis, token=token
    )
    if more := values.one("_zeile"):  # "add a row": show the form again, nothing is submitted
        return again(more=more)
    check = bridge.tokens.check(token, form_id)
    if not check.valid or check.too_fast or values.one(HONEYPOT):
        log.info("Einsendung als automatisch erkannt (%s)", "Feld" if values.one(HONEYPOT) else "Zeichen")
        return _done(request, bridge, boerse, decoy=True)  # the same answer a person gets
    if bridge.settings.altcha:
        answer = bridge.proof.check(values.one(PROOF_FIELD))
        if answer is False:  # forged or replayed
            return _done(request, bridge, boerse, decoy=True)
        if answer is None:
            prepared = Prepared()
            prepared.error("", PROOF_MISSING)
            return again(prepared=prepared, status_code=422)
    if check.expired:
        prepared = Prepared()
        prepared.error("", "Das Formular war zu lange geöffnet. Bitte prüfen Sie Ihre Angaben und schicken Sie es noch einmal ab.")
        return again(token=bridge.tokens.issue(form_id), prepared=prepared)
    address = request.client.host if request.client else "unbekannt"
    if not bridge.limiter.allowed(address):
        return render(
            request,
            "message.html",
            429,
            title="Zu viele Einsendungen",
            message="Von Ihrem Anschluss kamen in der letzten Stunde sehr viele Einsendungen. Bitte versuchen Sie es später noch einmal.",
        )
    prepared = await asyncio.to_thread(
        prepare,
        bridge.catalog,
        boerse,
        values,
        data_dir=bridge.settings.data_path,
        today=bridge.today,
        taken=bridge.store.open_paths(boerse.slug),
        existing=offer,
        basis=basis,
        upload=upload,
    )
    if prepared.errors:
        return again(prepared=prepared, status_code=422)
    number = await asyncio.to_thread(_store, bridge, boerse, offer, prepared)
    if number is None:  # another submission took the same file name a moment ago
        return await _form(request, bridge, boerse, offer)
    bridge.limiter.count(address)
    bridge.deliverer.wake.set()
    return _done(request, bridge, boerse, number=number)


async def _upload(value) -> bytes | None:
    """The chosen image file's bytes (at most one more than allowed, so "too large" is still known); None when
    no file was chosen (a browser then sends an empty part without a file name)."""
    if not isinstance(value, UploadFile):
        return None
    data = await value.read(MAX_IMAGE_BYTES + 1)
    await value.close()
    return data if data or value.filename else None


def _store(bridge: Bridge, boerse: Boerse, offer: Offer | None, prepared: Prepared) -> str | None:
    return bridge.store.add(
        boerse=boerse.slug,
        kind="aenderung" if offer else "neu",
        path=prepared.path,
        files=prepared.files,
        expected=prepared.expected,
        title=prepared.title,
        organisation=prepared.organisation,
        body=_pull_request_body(bridge, boerse, offer, prepared),
        contact=prepared.contact or None,
        now=bridge.clock(),
    )


def _pull_request_body(bridge: Bridge, boerse: Boerse, offer: Offer | None, prepared: Prepared) -> str:
    return bridge.templates.get_template("pull_request.md").render(
        boerse=boerse,
        offer=offer,
        prepared=prepared,
        organisation=bridge.catalog.organisations.get(prepared.organisation),
        day=bridge.today,
        texts={path: text for path, text in prepared.files.items() if isinstance(text, str)},
        images={path: content for path, content in prepared.files.items() if not isinstance(content, str)},
        fence="`"
        * max(
            3, max((len(run) for text in prepared.files.values() if isinstance(text, str) for run in _backtick_runs(text)), default=0) + 1
        ),
    )


def _backtick_runs(text: str) -> list[str]:
    return re.findall(r"`+", text)


def _current(bridge: Bridge, boerse: Boerse, offer: Offer) -> tuple[dict, str | None]:
    """The offer's current file: its data for the form, and its git id to detect later changes."""
    file = bridge.settings.data_path / boerse.slug / Path(offer.source).name
    text = file.read_text(encoding="utf-8")
    document = read_text(text, offer.source, Problems(), front_matter=file.suffix == ".md")
    data = dict(document.data) if document else {}
    if document and document.body:
        data["beschreibung"] = document.body
    return data, blob_sha(text)


def _show_form(
    request: Request,
    bridge: Bridge,
    boerse: Boerse,
    offer: Offer | None,
    *,
    token: str,
    basis: str | None,
    data: dict | None = None,
    values: FormValues | None = None,
    more: str = "",
    prepared: Prepared | None = None,
    status_code: int = 200,
    uploaded: bool = False,
) -> HTMLResponse:
    rows: dict[str, int] = {}
    if values is not None:
        data = form_data(boerse.schema, values)
        # keep empty rows people added, and add one where asked
        for name in boerse.schema["properties"]:
            if values.rows(name):
                rows[name] = max(0, max(values.rows(name)) + 1 - len(data.get(name, [])))
        if more:
            rows[more] = rows.get(more, 0) + 1
    fields = form_fields(boerse.schema, data, extra_rows=rows, picture_fields=True)
    organisation_fields = form_fields(
        schemas.organisation_schema(),
        form_data(schemas.organisation_schema(), values, prefix=ORGANISATION_PREFIX) if values else None,
        prefix=ORGANISATION_PREFIX,
    )
    chosen = values.one("anbieter") if values else (data or {}).get("anbieter", "")
    contact = {key: values.one(CONTACT_PREFIX + key) for key in ("name", "email", "telefon")} if values else {}
    organisations = sorted(bridge.catalog.organisations.values(), key=lambda o: o.name.casefold())
    errors = prepared.errors if prepared else {}
    return render(
        request,
        "form.html",
        status_code,
        boerse=boerse,
        offer=offer,
        fields=fields,
        organisation_fields=organisation_fields,
        organisations=organisations,
        chosen=chosen,
        contact=contact,
        token=token,
        basis=basis,
        errors=errors,
        error_list=_error_list(errors, fields + organisation_fields),
        altcha=bridge.settings.altcha,
        picture=offer.picture if offer else None,
        choose_again=uploaded and PICTURE_FIELD not in errors,
        max_image_mb=MAX_IMAGE_BYTES // 1_000_000,
    )


def _error_list(errors: dict[str, list[str]], nodes: list[Node]) -> list[tuple[str, str, str]]:
    """(anchor, label, message) for the summary above the form, in the order of the form."""
    labels: dict[str, str] = {}

    def walk(items: list[Node], parent: str) -> None:
        for item in items:
            label = f"{parent} › {item.label}" if parent else item.label
            labels[item.name] = label
            if isinstance(item, Group):
                walk(item.children, label)
            elif isinstance(item, Repeat):
                walk(item.rows, parent)

    walk(nodes, "")
    labels |= {
        PICTURE_FIELD: "Bild",
        "anbieter": "Anbieter",
        "rueckfrage.email": "Ihre E-Mail-Adresse",
        "rueckfrage.telefon": "Ihre Telefonnummer",
    }
    order = list(labels)
    found = []
    for name in sorted(errors, key=lambda key: order.index(key) if key in order else -1):
        anchor = "f-" + name.replace(".", "-") if name in labels else ""
        if name == "anbieter":
            anchor = "f-anbieter-wahl"
        for message in errors[name]:
            found.append((anchor, labels.get(name, ""), message))
    return found


def _done(request: Request, bridge: Bridge, boerse: Boerse, *, number: str | None = None, decoy: bool = False) -> HTMLResponse:
    if decoy:  # looks like a real number; leads nowhere
        alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
        code = "".join(secrets.choice(alphabet) for _ in range(8))
        number = f"{code[:4]}-{code[4:]}"
    return render(request, "done.html", boerse=boerse, number=number)


# --- The editors' status page -------------------------------------------------------


def _authorised(request: Request) -> bool:
    return password_ok(request.headers.get("authorization"), _bridge(request).settings.editor_password)


def _login() -> Response:
    return Response(
        "Bitte mit dem Passwort der Redaktion anmelden.",
        status_code=401,
        headers={"WWW-Authenticate": 'Basic realm="Redaktion", charset="UTF-8"', "Content-Type": "text/plain; charset=utf-8"},
    )


async def status(request: Request) -> Response:
    if not _authorised(request):
        return _login()
    bridge = _bridge(request)
    submissions = bridge.store.listing()
    return render(request, "status.html", submissions=submissions, token=bridge.tokens.issue("status"), counts=bridge.store.counts())


async def retry(request: Request) -> Response:
    if not _authorised(request):
        return _login()
    bridge = _bridge(request)
    allowed = {f"{request.url.scheme}://{request.url.netloc}"}
    form = await request.form(max_files=0, max_fields=10)
    check = bridge.tokens.check(str(form.get(TOKEN_FIELD, "")), "status")
    if not same_origin(request.headers.get("origin"), allowed) or not check.valid or check.expired:
        return render(request, "message.html", 403, title="Nicht erlaubt", message="Bitte laden Sie die Statusseite neu.")
    bridge.store.retry(request.path_params["id"], bridge.clock())
    bridge.deliverer.wake.set()
    return RedirectResponse("/status/", status_code=303)
