"""Who a day's audience invites, from the programme's role list."""

from ilmava_desktop.core.invitations import ALL, NOBODY, OFFICIALS, POLITICIANS, in_audience


def test_audiences_follow_the_role_list():
    assert in_audience("council_chair", POLITICIANS) and in_audience("elected_official", ALL)
    assert not in_audience("council_chair", OFFICIALS)
    assert in_audience("municipal_manager", OFFICIALS) and in_audience("climate_expert", OFFICIALS)
    assert not in_audience("municipal_manager", POLITICIANS)
    assert not in_audience("municipal_manager", NOBODY)
    assert in_audience("an unknown role", OFFICIALS)  # not known to be political
