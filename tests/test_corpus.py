from __future__ import annotations

import json
from datetime import date

import pytest

from geo.corpus import count_documents, read_documents, split_sentences

from .conftest import SEEDS


def only(docs):
    [doc] = list(docs)
    return doc


def test_seed_header_gives_date_and_author_and_is_not_in_the_text():
    doc = only(read_documents([SEEDS / "000_207d52fefa52bd7f.txt"]))
    assert (doc.published, doc.author, doc.date_inferred) == (
        date(2021, 3, 12), "Vafa Ismayilova", False)
    assert doc.text.startswith("Azerbaijani Foreign Minister")


def test_header_date_followed_by_text_keeps_the_text():
    doc = only(read_documents([SEEDS / "003_30b5838722dd9e3d.txt"]))
    assert doc.published == date(2024, 1, 26)
    assert doc.text.startswith("The Azerbaijani Foreign Ministry took note")


def test_date_of_002_is_inferred_from_the_text():
    doc = only(read_documents([SEEDS / "002_0b785539a485eca4.txt"]))
    assert doc.published == date(2021, 12, 6)
    assert doc.date_inferred is True
    assert doc.author == "Azernews"


def test_bom_crlf_and_windows_1252_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf date 2021-06-12 By X\r\n\r\nMine in Agdam.")
    (tmp_path / "cp.txt").write_bytes("Mine near Füzuli – today".encode("cp1252"))
    docs = {d.doc_id: d for d in read_documents([tmp_path])}
    assert docs["bom"].published == date(2021, 6, 12)
    assert docs["bom"].text == "Mine in Agdam."
    assert docs["cp"].text == "Mine near Füzuli – today"


def test_unreadable_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "undecodable.txt").write_bytes(b"ok \x81\x8d\x8f\x90\x9d bytes")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    docs = {d.doc_id: d for d in read_documents([tmp_path, tmp_path / "missing.txt"])}
    assert docs["binary"].status == "skipped" and "binary" in docs["binary"].error
    assert docs["empty"].error == "empty file"
    assert "undecodable" in docs["undecodable"].error
    assert "unsupported file type .png" in docs["picture"].error
    assert docs["missing"].status == "skipped" and "cannot read" in docs["missing"].error


def test_html_gives_visible_text_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Blast</title><script>var x='Paris'</script></head>"
                    "<body><p>A mine exploded in <b>Lachin</b>.</p><style>p{}</style></body>"
                    "</html>", encoding="utf-8")
    doc = only(read_documents([page]))
    assert doc.title == "Blast"
    assert doc.text == "A mine exploded in Lachin."


def test_html_keeps_the_story_not_the_sites_menus_and_sidebars(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><header><nav><a href='/1'>Two killed by a mine in Fuzuli</a></nav>"
        "</header><div class='ad'>Subscribe now</div><article><h1>Talks in Brussels</h1>"
        "<p>The ministers met in Brussels.</p></article><aside><ul><li>Mine blast in "
        "Aghdam injures three</li></ul></aside><footer>© News 2024</footer></body></html>",
        encoding="utf-8")
    story = only(read_documents([page])).text
    assert story == "Talks in Brussels\n\nThe ministers met in Brussels."
    bare = tmp_path / "bare.html"
    bare.write_text("<body><nav>Home</nav><p>A mine exploded in Lachin.</p></body>",
                    encoding="utf-8")
    assert only(read_documents([bare])).text == "A mine exploded in Lachin."


def test_html_metadata_gives_the_date_and_the_address(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta property='article:published_time' content='2024-06-12T08:15:00Z'>"
        "<link rel='canonical' href='https://news.example.org/mine-blast'></head><body>"
        "<aside><time datetime='2020-01-01'>old story</time></aside><article><p>A mine "
        "exploded in Lachin on Tuesday.</p></article></body></html>", encoding="utf-8")
    doc = only(read_documents([page]))
    assert (doc.published, doc.date_inferred) == (date(2024, 6, 12), False)
    assert doc.url == "https://news.example.org/mine-blast"
    dated_by_time = tmp_path / "time.html"
    dated_by_time.write_text("<aside><time datetime='2020-01-01'>x</time></aside><p>Text "
                             "<time datetime='2023-03-05'>5 March</time></p>", encoding="utf-8")
    assert only(read_documents([dated_by_time])).published == date(2023, 3, 5)


def test_json_holds_one_article_or_an_array_of_them(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(
        {"id": "x1", "title": "Blast", "published": "2023-07-05", "text": "Mine in Lachin."}),
        encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps(
        [{"text": "Mine in Fuzuli."}, {"title": "no text"}]), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"text": "unfinished', encoding="utf-8")
    (tmp_path / "number.json").write_text("42", encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    docs = {d.doc_id: d for d in read_documents([tmp_path])}
    assert (docs["x1"].status, docs["x1"].title, docs["x1"].published) == (
        "ok", "Blast", date(2023, 7, 5))
    assert docs["x1"].path == str(tmp_path / "one.json")
    assert (docs["many-1"].status, docs["many-1"].path) == ("ok", f"{tmp_path / 'many.json'}:1")
    assert docs["many-2"].error == "item 2: needs an object with a string 'text'"
    assert docs["broken"].error.startswith("invalid JSON")
    assert docs["number"].error == "needs an object, or a non-empty array of objects"
    assert docs["deep"].error.startswith("invalid JSON: maximum recursion depth")


def test_jsonl_gives_one_document_per_line_and_reports_bad_lines(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Mine in Lachin.", "published": "2022-10-21",
                    "url": "https://example.org/a1"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
    ]), encoding="utf-8")
    docs = list(read_documents([feed]))
    assert [d.status for d in docs] == ["ok", "skipped", "skipped"]
    assert (docs[0].doc_id, docs[0].published, docs[0].url) == (
        "a1", date(2022, 10, 21), "https://example.org/a1")
    assert docs[1].error.startswith("line 2:")
    assert docs[2].error.startswith("line 3:")


def test_markdown_loses_its_markup(tmp_path):
    md = tmp_path / "note.md"
    md.write_text("# Blast\n\nIn [Tartar](http://x) **today**.", encoding="utf-8")
    assert only(read_documents([md])).text == "Blast\n\nIn Tartar today."


def test_sentences_know_abbreviations_and_initials():
    text = "On Dec. 4 the U.S. envoy J. Smith met Mr. Aliyev in Baku. Then he left."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "On Dec. 4 the U.S. envoy J. Smith met Mr. Aliyev in Baku.", "Then he left."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


@pytest.mark.parametrize("items", [
    "- 1,203 anti-personnel mines;\n- 401 anti-tank mines.",
    "Anti-personnel mines – 1,203\nAnti-tank mines – 401",  # the figures last
])
def test_a_list_after_a_colon_stays_in_the_sentence_that_announces_it(items):
    text = f"Over this period, the following were neutralized:\n\n{items}\n\nWork goes on."
    assert [s.text for s in split_sentences(text)] == [
        f"Over this period, the following were neutralized:\n\n{items}", "Work goes on."]


def test_a_dash_after_a_dateline_begins_no_sentence_but_one_that_begins_a_line_does():
    text = "YEREVAN. – A resident was injured.\n- On May 2, a deminer was hurt."
    assert [s.text for s in split_sentences(text)] == [
        "YEREVAN. – A resident was injured.", "- On May 2, a deminer was hurt."]


def test_a_folder_is_read_in_name_order_and_survives_a_symlink_loop(tmp_path):
    (tmp_path / "b.txt").write_text("Mine in Lachin.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Mine in Aghdam.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [d.doc_id for d in read_documents([tmp_path])] == ["a", "b"]


def test_the_progress_bars_count_is_the_number_of_documents_read(tmp_path):
    """The bar's total, counted without reading: one per document, the skipped ones
    included, whatever the files hold."""
    (tmp_path / "feed.jsonl").write_text(
        '{"text": "Mine in Lachin."}\n\n{not json\n{"text": "Blast."}\n  \n', encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps(
        [{"text": "Mine in Fuzuli."}, {"title": "no text"}, 3]), encoding="utf-8")
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"text": "unfinished', encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "big.json").write_text(json.dumps([{"text": "x" * 100}] * 3000),
                                       encoding="utf-8")  # over the limit: one row
    (tmp_path / "story.txt").write_text("A mine exploded.", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    inputs = [tmp_path, tmp_path / "missing.txt"]
    limit = 250_000
    assert count_documents(inputs, limit) == len(list(read_documents(inputs, limit))) == 14
