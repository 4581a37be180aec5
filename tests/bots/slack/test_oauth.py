"""Multi-workspace Slack end to end: install through OAuth, answer in the new workspace, uninstall.

The bot runs with `SLACK_CLIENT_ID`/`SLACK_CLIENT_SECRET` and no bot token;
the fake Slack's `oauth.v2.access` installs it in team T2 with `xoxb-T2`, and a
`/summarize` from T2 must be answered with exactly that token.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
import yaml
from pydantic import SecretStr
from sqlalchemy import select

from bots.config import Settings
from bots.slackbot import SlackConfigError
from bots.slackbot.cli import check_settings
from bots.slackbot.oauth import BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH
from bots.storage.schema import SLACK_INSTALLATIONS, metadata
from bots.storage.workspace import current_workspace
from tests.bots.slack.conftest import CHANNEL, FORM, SlackDriver, payload
from tests.bots.slack.fake_slack import INSTALLED_TEAM, INSTALLED_TOKEN, OAUTH_CODE, FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer
from tests.support.workspaces import kept_rows

MANIFEST = Path(__file__).resolve().parents[3] / "deploy" / "slack" / "manifest.yml"
CLIENT_ID = "1111.2222"


@pytest.fixture
def slack_settings(slack_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The Slack test settings in OAuth mode: an app's client id and secret, no bot token."""
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    monkeypatch.setenv("SLACK_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "client-secret-7f3a")
    return Settings()


def _base(slack: SlackDriver) -> str:
    return slack.url.rsplit("/slack/", 1)[0]


async def _install_state(slack: SlackDriver) -> tuple[str, str]:
    """Start an install: the `state` sent to Slack's authorize page, and the browser's cookie.

    Bolt's state cookie is `Secure`, so httpx keeps it off plain http; the test
    plays the browser (which would be on https) and carries it back itself.
    """
    response = await slack.http.get(_base(slack) + INSTALL_PATH)
    assert response.status_code == 302
    authorize = urlsplit(response.headers["Location"])
    assert (authorize.netloc, authorize.path) == ("slack.com", "/oauth/v2/authorize")
    query = parse_qs(authorize.query)
    assert query["client_id"] == [CLIENT_ID]
    assert set(query["scope"][0].split(",")) == set(BOT_SCOPES)
    cookie = SimpleCookie(response.headers["Set-Cookie"])
    return query["state"][0], "; ".join(f"{k}={m.value}" for k, m in cookie.items())


async def _installations(slack: SlackDriver) -> list[tuple[str, str]]:
    store = slack.bot.oauth
    assert store is not None
    table = metadata.tables[SLACK_INSTALLATIONS]
    async with store.installation_store.engine.connect() as conn:
        rows = await conn.execute(select(table.c.team_id, table.c.bot_token))
        return [(row.team_id, row.bot_token) for row in rows]


async def _redirect(slack: SlackDriver, code: str, state: str, cookie: str) -> httpx.Response:
    query = urlencode({"code": code, "state": state})
    url = f"{_base(slack)}{REDIRECT_PATH}?{query}"
    return await slack.http.get(url, headers={"Cookie": cookie})


async def test_install_then_answer_in_the_new_workspace_with_its_token(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    state, cookie = await _install_state(slack)
    done = await _redirect(slack, OAUTH_CODE, state, cookie)
    assert done.status_code == 200
    assert "Thank you" in done.text
    assert await _installations(slack) == [(INSTALLED_TEAM, INSTALLED_TOKEN)]
    [access] = fake_slack.to("oauth.v2.access")
    assert access["code"] == OAUTH_CODE

    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    form = slack.interaction("slash_command", url, channel=CHANNEL, name="t2")
    form.update(team_id=INSTALLED_TEAM, is_enterprise_install="false")
    form.pop("enterprise_id"), form.pop("enterprise_name")
    response = await slack.send(urlencode(form), FORM)
    assert response.status_code == 200
    await slack.settle()
    [posted] = [c for c in fake_slack.calls if c.method == "chat.postMessage"]
    assert posted.token == INSTALLED_TOKEN
    assert "Acme" in posted.params["text"]


async def test_an_unknown_state_fails_and_installs_nothing(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    _, cookie = await _install_state(slack)
    failed = await _redirect(slack, OAUTH_CODE, "forged-state", cookie)
    assert failed.status_code == 400
    assert await _installations(slack) == []
    assert fake_slack.to("oauth.v2.access") == []


async def test_a_request_from_a_workspace_that_never_installed_is_refused_politely(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    response = await slack.command("https://example.com/a")  # from team T0001
    assert response.status_code == 200
    assert "Reading" not in response.text  # Bolt stopped it before the listener
    [told] = await fake_slack.wait_for("response_url")
    assert "reinstall" in told["text"]
    await slack.settle()
    assert [c.method for c in fake_slack.sent()] == ["response_url"]


def test_the_install_asks_for_the_manifests_bot_scopes() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES)


def test_oauth_needs_no_bot_token_and_always_serves_http() -> None:
    oauth = Settings(
        slack_client_id=CLIENT_ID,
        slack_client_secret=SecretStr("c"),
        slack_app_token=SecretStr("xapp-1"),
        slack_signing_secret=SecretStr("s"),
    )
    assert check_settings(oauth, http=False) is None
    with pytest.raises(SlackConfigError, match="SLACK_SIGNING_SECRET"):
        check_settings(oauth.model_copy(update={"slack_signing_secret": None}), http=True)


async def _install_and_use(
    slack: SlackDriver, article_server: ArticleServer, slack_settings: Settings
) -> None:
    """Install T2, digest a link there and switch its auto off; team T9's rows exist beside it."""
    state, cookie = await _install_state(slack)
    assert (await _redirect(slack, OAUTH_CODE, state, cookie)).status_code == 200
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    for text in (url, "auto off"):
        form = slack.interaction("slash_command", text, channel=CHANNEL, name="t2")
        form.update(team_id=INSTALLED_TEAM, is_enterprise_install="false")
        form.pop("enterprise_id"), form.pop("enterprise_name")
        assert (await slack.send(urlencode(form), FORM)).status_code == 200
        await slack.settle()
    store = slack.bot.service.store
    assert store is not None
    token = current_workspace.set("T9")
    await store.set_channel_setting("slack", "C9", "auto", "off")
    current_workspace.reset(token)
    assert await kept_rows(slack_settings) == [
        ("channel_settings", "T2"), ("channel_settings", "T9"), ("shares", "T2")
    ]  # fmt: skip


async def test_an_uninstall_deletes_that_workspace_s_installation_and_data_only(
    slack: SlackDriver, article_server: ArticleServer, slack_settings: Settings
) -> None:
    await _install_and_use(slack, article_server, slack_settings)

    body = payload("app_uninstalled", team=INSTALLED_TEAM, event_id=slack.event_id())
    assert (await slack.event(body)).status_code == 200

    assert await _installations(slack) == []
    assert await kept_rows(slack_settings) == [("channel_settings", "T9")]


async def test_a_revoked_bot_token_deletes_the_workspace_s_data_and_user_tokens_alone_do_not(
    slack: SlackDriver, article_server: ArticleServer, slack_settings: Settings
) -> None:
    await _install_and_use(slack, article_server, slack_settings)
    revoked = {"team": INSTALLED_TEAM, "event_id": slack.event_id()}
    users_only = payload("tokens_revoked", **revoked, oauth=["U0INSTALLER"], bot=None)
    assert (await slack.event(users_only)).status_code == 200
    assert len(await kept_rows(slack_settings)) == 3

    revoked["event_id"] = slack.event_id()
    bot = payload("tokens_revoked", **revoked, oauth=None, bot=["UBOT"])
    assert (await slack.event(bot)).status_code == 200

    assert await _installations(slack) == []
    assert await kept_rows(slack_settings) == [("channel_settings", "T9")]
