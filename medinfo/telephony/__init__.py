"""Telephony integration: call events from the phone system pop the caller on the agent's screen."""
