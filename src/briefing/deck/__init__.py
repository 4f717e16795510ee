"""The PowerPoint writer: plan.py decides the slides, render.py writes them."""
