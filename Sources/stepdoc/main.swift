print("stepdoc")
