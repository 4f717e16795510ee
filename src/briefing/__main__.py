from briefing.cli import run

# Guarded: a worker started by spawn (where fork is not safe) imports this module again.
if __name__ == "__main__":
    run()
