"""What every chart's layout starts from: the width of the page it is drawn for."""

WIDTH_IN = 6.4  # the text width of an A4 page with 2.2 cm margins
