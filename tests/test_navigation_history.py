"""Back and forward like a browser, for any kind of place: here the viewer's (page, y) positions."""

from vlnl_desktop.ui.navigation_history import NavigationHistory


def test_back_and_forward_through_positions():
    history: NavigationHistory[tuple[int, float]] = NavigationHistory()
    assert not history.can_go_back() and not history.can_go_forward()
    history.visit((0, 0.0))
    history.visit((27, 0.0))  # a jump through the outline
    assert history.can_go_back() and not history.can_go_forward()
    assert history.back() == (0, 0.0)
    assert not history.can_go_back() and history.can_go_forward()
    assert history.forward() == (27, 0.0)
    assert history.forward() is None


def test_going_back_returns_where_the_user_scrolled_to():
    history: NavigationHistory[tuple[int, float]] = NavigationHistory()
    history.replace_current((3, 120.5))  # nothing yet: it is visited
    assert history.current == (3, 120.5)
    history.visit((57, 628.0))  # a link
    history.replace_current((58, 10.0))  # scrolled on from the link's target
    assert history.back() == (3, 120.5)
    history.replace_current((4, 0.0))  # scrolled on before going forward
    assert history.forward() == (58, 10.0)
    assert history.back() == (4, 0.0)


def test_a_new_jump_drops_the_forward_part_and_the_same_place_adds_nothing():
    history: NavigationHistory[tuple[int, float]] = NavigationHistory()
    for place in [(0, 0.0), (1, 0.0), (2, 0.0)]:
        history.visit(place)
    history.back()
    history.visit((9, 0.0))
    assert not history.can_go_forward()
    history.visit((9, 0.0))
    assert history.back() == (1, 0.0)
    history.clear()
    assert history.current is None and not history.can_go_back()


def test_the_oldest_places_go_past_the_limit():
    history: NavigationHistory[tuple[int, float]] = NavigationHistory(limit=3)
    for page in range(5):
        history.visit((page, 0.0))
    assert history.back() == (3, 0.0)
    assert history.back() == (2, 0.0)
    assert history.back() is None
