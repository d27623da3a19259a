import pytest

from monitor.settings import ConfigError, load


def test_env_overrides_file_and_secrets_from_dir(tmp_path):
    cfg = tmp_path / "newsmon.toml"
    cfg.write_text("[polling]\npoll_interval = 300\ntick_seconds = 2\n")
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "slack_webhook_url").write_text("https://hooks.example/T/B/xyz\n")
    s = load({"NEWSMON_CONFIG": str(cfg), "NEWSMON_TICK_SECONDS": "7", "NEWSMON_SECRETS_DIR": str(secrets)})
    assert s.poll_interval == 300 and s.tick_seconds == 7
    assert s.slack_webhook_url == "https://hooks.example/T/B/xyz"
    assert "xyz" not in repr(s)


def test_secret_in_file_is_refused(tmp_path):
    cfg = tmp_path / "newsmon.toml"
    cfg.write_text('sentry_dsn = "https://key@sentry.example/1"\n')
    with pytest.raises(ConfigError, match="secret"):
        load({"NEWSMON_CONFIG": str(cfg)})


@pytest.mark.parametrize(("env", "names"), [
    ({"NEWSMON_TICK_SECONDS": "0"}, "NEWSMON_TICK_SECONDS"),
    ({"NEWSMON_POLL_INTERVAL": "-5"}, "NEWSMON_POLL_INTERVAL"),
    ({"NEWSMON_ALLOW_NETWORKS": "notacidr"}, "NEWSMON_ALLOW_NETWORKS"),
    ({"NEWSMON_ALLOW_NETWORKS": "10.0.0.0/8, 300.1.0.0/16"}, "NEWSMON_ALLOW_NETWORKS"),
])
def test_values_that_cannot_work_are_refused_at_load(env, names):
    with pytest.raises(ConfigError, match=names):
        load(env)


def test_bad_values_fail_fast(tmp_path):
    with pytest.raises(ConfigError, match="NEWSMON_TICK_SECONDS"):
        load({"NEWSMON_TICK_SECONDS": "soon"})
    cfg = tmp_path / "c.toml"
    cfg.write_text("pol_interval = 3\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load({"NEWSMON_CONFIG": str(cfg)})


def test_the_example_config_names_every_setting_it_documents():
    from pathlib import Path
    example = Path(__file__).resolve().parents[1] / "config" / "newsmon.example.toml"
    s = load({"NEWSMON_CONFIG": str(example)})
    assert s.poll_interval == 600 and s.host_spacing == 2 and s.smtp_security == "starttls"


def test_the_matchers_defaults_are_the_settings_defaults() -> None:
    from monitor.settings import Settings
    from monitor.stories.matching import MatchPolicy

    s = Settings()
    assert (s.match_threshold, s.story_window_days, s.match_evidence_scale) == (
        MatchPolicy.threshold, MatchPolicy.window_days, MatchPolicy.evidence_scale)
