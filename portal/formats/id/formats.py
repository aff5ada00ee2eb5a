"""Indonesian formats as citizens read them: "Selasa, 19 Maret 2019", "14.30"."""

DATE_FORMAT = "l, j F Y"
DATETIME_FORMAT = "l, j F Y, H.i"
TIME_FORMAT = "H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H.i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d %B %Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M", "%d-%m-%Y %H.%M", "%Y-%m-%dT%H:%M"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M", "%H.%M"]
