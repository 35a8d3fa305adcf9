"""What goes into the PDFs a cohort leaves behind: each municipality's report and the
cohort's summary, read as plain data for the renderers in `ilmava_desktop.reports`."""
