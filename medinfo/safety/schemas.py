"""Request and response schemas of the safety API (also in the OpenAPI document)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool

from medinfo.safety.data import ProductData, ReportData


class Schema(BaseModel):
    """Base: unknown fields are ignored; strings are stripped and bounded."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, str_max_length=20_000)


class ScreenIn(Schema):
    """Text to screen."""

    text: str = Field(max_length=20_000)
    language: Literal["en", "fr"] | None = None


class FlagOut(Schema):
    """One flagged phrase: category and character span in the text."""

    category: str = Field(
        description="adverse_event, product_complaint or special_situation:<kind>"
    )
    start: int
    end: int
    text: str


class ScreenOut(Schema):
    """The screening answer."""

    reportable: bool
    flags: list[FlagOut]


class SuspectProductIn(Schema):
    """A suspect product (E2B G.k)."""

    name_as_reported: str = Field(default="", max_length=200)
    product: str | None = Field(default=None, max_length=200, description="Brand, INN or alias")
    batch_lot: str = Field(default="", max_length=64)
    batch_unknown: StrictBool = Field(
        default=False, description="Asked; the reporter does not know"
    )
    dose: str = Field(default="", max_length=100)
    route: str = Field(default="", max_length=60)
    start_date: date | None = None
    stop_date: date | None = None
    indication: str = Field(default="", max_length=200)


class SafetyReportIn(Schema):
    """A safety report on an interaction; incomplete reports are accepted and followed up."""

    interaction_id: int
    adverse_event: StrictBool = False
    product_complaint: StrictBool = False
    special_situations: list[str] = Field(default_factory=list, max_length=20)
    reporter_name: str = Field(default="", max_length=200)
    reporter_qualification: (
        Literal["physician", "pharmacist", "other_hcp", "lawyer", "consumer"] | None
    ) = None
    reporter_contact: str = Field(default="", max_length=300)
    patient_initials: str = Field(default="", max_length=10)
    patient_age: int | None = Field(default=None, ge=0, le=54750)
    patient_age_unit: Literal["years", "months", "weeks", "days"] = "years"
    patient_age_group: str | None = None
    patient_sex: Literal["female", "male", "unknown"] | None = None
    pregnancy_status: str | None = None
    gestation_weeks: int | None = Field(default=None, ge=0, le=45)
    event_verbatim: str = Field(default="", max_length=20_000)
    event_onset: date | None = None
    event_outcome: str | None = None
    seriousness: list[str] = Field(default_factory=list, max_length=6)
    pqc_description: str = Field(default="", max_length=20_000)
    pqc_sample_available: StrictBool | None = None
    narrative: str = Field(default="", max_length=20_000)
    products: list[SuspectProductIn] = Field(default_factory=list, max_length=20)

    def to_data(self) -> ReportData:
        """Plain values for the service."""
        values: dict[str, Any] = self.model_dump(exclude={"interaction_id", "products"})
        return ReportData(**values, products=[ProductData(**p.model_dump()) for p in self.products])


class SafetyReportOut(Schema):
    """A safety report (the full payload PV receives, plus workflow fields)."""

    model_config = ConfigDict(extra="allow")

    id: int
    reference: str
    interaction_id: int
    status: str
    day0: AwareDatetime
    due_at: AwareDatetime
    same_day: bool
    minimum_criteria_met: bool
    minimum_criteria: dict[str, bool]
    pv_case_id: str | None


class AcknowledgeIn(Schema):
    """PV's own case ID."""

    pv_case_id: str = Field(min_length=1, max_length=64)
