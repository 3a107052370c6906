"""Assessment screen, its charts and the PDF report (figures come from haian_desk.assessment)."""
