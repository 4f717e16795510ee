"""What every chart's layout starts from: the width of the page it is drawn for, and the most height it takes."""

WIDTH_IN = 6.4  # the text width of an A4 page with 2.2 cm margins
# The tallest a chart is laid out to be, whatever its text: with its caption it fits an A4 page.
# Long labels are shortened and rows drawn closer before a chart grows past it.
MAX_HEIGHT_IN = 9.0
