"""Settings: language, large print, station details, users."""
