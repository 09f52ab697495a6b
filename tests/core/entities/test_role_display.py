"""Which roles an entity page's header shows (issue 24): noun phrases naming a position, office or occupation, at
most three; never a number, an amount, a verb, a time phrase or a fragment. Phrases written for these tests."""

from newsreader.core.entities.roles import display_roles, plausible_role, title_like


def test_positions_offices_and_occupations_are_title_like():
    for role in ("Foreign Minister", "chief negotiator", "head of the harbour authority", "Spokesperson",
                 "Deputy Finance Minister", "lawyer for the growers' union", "striker", "historian"):
        assert title_like(role), role


def test_numbers_amounts_verbs_times_and_fragments_are_never_roles():
    for phrase in ("12%", "3.5 per cent", "$40 million", "40 million dollars", "two billion", "said", "warned",
                   "resigned", "leading", "last week", "Tuesday", "in March", "two years", "of the union", "chief of",
                   "minister and", "Mr.", "former", "team", "who", "the 45-year-old"):
        assert not plausible_role(phrase), phrase
        assert not title_like(phrase), phrase


def test_an_affiliation_is_a_role_but_not_a_title():
    assert plausible_role("Harbour Authority") and not title_like("Harbour Authority")


def test_the_header_shows_three_titles_the_rest_behind_more():
    roles = ["Foreign Minister", "12%", "Harbour Authority", "the chief negotiator", "foreign minister", "said",
             "party leader", "last week", "envoy to the summit", "Trade Council"]
    shown, more = display_roles(roles)
    assert shown == ["Foreign Minister", "chief negotiator", "party leader"]
    assert more == ["envoy to the summit", "Harbour Authority", "Trade Council"]
    assert display_roles([]) == ([], [])
    assert display_roles(["5 million", "Monday"]) == ([], [])
