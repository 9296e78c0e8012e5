"""The JSON API (flask-smorest): one blueprint per feature, one MethodView per URL."""
