"""The guided session: plan chooser, pain check-ins, set and rest screens, summary.

`install.install_session(window)` wires it into the main window; `page.SessionPage` is
the page itself. Kept light: importing this package does not build or import the page.
"""
