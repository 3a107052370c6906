"""Cases (办件): the proxy workflow, its deadlines, numbers and queries."""
