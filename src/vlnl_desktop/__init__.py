"""vlnl-desktop: an offline archive of the Flemish-Dutch cooperation on economy, science and innovation."""

__version__ = "0.1.0"
