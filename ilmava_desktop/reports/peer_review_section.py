"""The peer-review section of a municipality's report, drawn from `PeerReview`: the visit's
date and place and who visited beside whom they met (groups and counts), then the findings
of the joint debrief by theme."""

from __future__ import annotations


def peer_review_story(renderer, r) -> list:
    """The flowables of the section (an empty visit says so plainly)."""
    from reportlab.platypus import KeepTogether

    labels, section = r.labels, r.peer_review
    heading = renderer.p(labels["visit"], "h1")
    if section is None:
        return [heading, renderer.p(labels["no_visit"], "muted")]
    left = [renderer.p(labels["visit_when"], "side_label"),
            renderer.p(" · ".join(part for part in (section.date, section.place) if part),
                       "side"),
            renderer.p(labels["visit_status"], "side_label"),
            renderer.p(" · ".join(part for part in (section.status, section.approval) if part),
                       "side"),
            renderer.p(labels["visitors"], "side_label")]
    if section.visitors:
        left += [renderer.p(f"{municipality}: {team}", "side")
                 for municipality, team in section.visitors]
    else:
        left.append(renderer.p("–", "side"))
    right = [renderer.p(labels["interviewed"], "side_label")]
    if section.interviewed:
        right += [renderer.p(f"{group}: {count}", "side")
                  for group, count in section.interviewed]
        right.append(renderer.p(section.interviewed_total, "muted"))
    else:
        right.append(renderer.p("–", "side"))
    story = [KeepTogether([heading, renderer.columns(left, right, 0.6)])]
    if not section.findings:
        return story + [renderer.p(labels["no_findings"], "muted")]
    # The lead-in travels with the first theme's findings.
    return story + renderer.theme_blocks(r, section.findings,
                                         renderer.p(labels["visit_findings"], "muted"))
