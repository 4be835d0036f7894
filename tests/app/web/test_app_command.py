"""``ecograph app`` and the network page it serves: offline, and started the way the docs say."""
from __future__ import annotations

import re

import networkx as nx
from click.testing import CliRunner

from app.cli.app import ENTRY, app, streamlit_command
from app.web.network import network_html

CDN_HOSTS = ("cdnjs", "jsdelivr", "unpkg", "googleapis", "gstatic", "cloudflare")
#: URLs that vis-network's source only mentions (licences, the SVG namespace), never fetches.
MENTIONED = ("http://www.w3.org/2000/svg", "http://almende.com", "http://opensource.org/licenses/MIT",
             "http://www.apache.org/licenses/LICENSE-2.0", "https://github.com/", "https://visjs.github.io/")


def test_help_and_command_line():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--no-browser" in result.output
    cmd = streamlit_command(8599, "127.0.0.1")
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4] == str(ENTRY) and ENTRY.is_file()
    flags = dict(zip(cmd[5::2], cmd[6::2]))
    assert flags["--server.port"] == "8599" and flags["--server.address"] == "127.0.0.1"
    assert flags["--server.headless"] == "true" and flags["--browser.gatherUsageStats"] == "false"
    assert flags["--client.showErrorDetails"] == "none"


def test_network_page_is_self_contained():
    G = nx.MultiDiGraph(documents={"d": {"title": "An article", "date": "2024-08-22"}})
    G.add_node("busan", name="Busan", kind="City", aliases=["TP. Busan"])
    G.add_node("so", name="Sở KH&CN TP.HCM", kind="Agency", aliases=[])
    G.add_edge("busan", "so", key="MET_WITH|d", type="MET_WITH", status="done", date="2024-08-21", doc="d",
               evidence="Đoàn Busan làm việc với Sở <b>KH&CN</b>.", confidence=1.0)
    G.add_edge("busan", "so", key="COOPERATES_WITH|d", type="COOPERATES_WITH", status="planned", date=None,
               doc="d", evidence=None, confidence=0.8)
    html = network_html(G, legend_titles=("Kinds", "Links", "dashed: planned"))
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=", html)
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert not [u for u in urls if any(h in u for h in CDN_HOSTS)]
    assert all(u.startswith(MENTIONED) for u in urls), urls
    assert "vis.Network" in html and len(html) > 400_000  # vis-network inlined
    assert "Kinds" in html and "dashed: planned" in html and "Agency" in html
    assert "<b>KH&CN</b>" not in html  # evidence reaches the page as data, not markup
