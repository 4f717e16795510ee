"""The PowerPoint writer: plan.py decides the slides, shapes.py places each slide's shapes, render.py writes them."""
