"""The catalog holds exactly the reference requirements, with the reference's kinds and scopes."""

from collections import Counter


def test_every_reference_id_present_exactly_once(catalog, reference_rows):
    counts = Counter(catalog.ids)
    assert all(count == 1 for count in counts.values())
    assert set(counts) == {row["id"] for row in reference_rows}


def test_kind_and_applies_to_match_reference(catalog, reference_rows):
    for row in reference_rows:
        requirement = catalog[row["id"]]
        assert requirement.kind == row["kind"], row["id"]
        assert requirement.applies_to == row["applies_to"], row["id"]


def test_chapter_and_paragraph_match_reference(catalog, reference_rows):
    for row in reference_rows:
        source = catalog[row["id"]].source
        assert (source.chapter, source.paragraph, source.part) == (int(row["chapter"]), row["section"], row["part"])


def test_lookup_by_id_and_missing_id(catalog):
    assert catalog["RISK-2"].source.citation == "5 kap. 1 §"
    assert catalog.get("NOPE-1") is None


def test_every_requirement_has_examples_and_evidence(catalog):
    for requirement in catalog:
        assert requirement.examples.meets and requirement.examples.falls_short
        assert requirement.evidence.phrases


def test_role_lexicon_covers_the_usual_roles(catalog):
    ids = {role.id for role in catalog.roles}
    assert {"nämnd", "förvaltningschef", "avdelningschef", "enhetschef", "verksamhetschef", "mas", "mar",
            "verksamhetsutvecklare", "medarbetare"} <= ids
    assert "socialchefen" in catalog.role("förvaltningschef").forms


def test_stale_references_have_a_replacement(catalog):
    for reference in catalog.legal_references.references:
        if reference.status == "stale":
            assert reference.replacement and reference.stale_since, reference.id


def test_dataframe_has_one_row_per_requirement(catalog):
    frame = catalog.to_dataframe()
    assert list(frame.index) == list(catalog.ids)
    assert frame.loc["KLAG-1", "citation"] == "5 kap. 3 §"
