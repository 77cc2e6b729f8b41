from enum import StrEnum


class GetServerIdentityAccepts(StrEnum):
    APPLICATIONJSON = "application/json"
    APPLICATIONXML = "application/xml"

    def __str__(self) -> str:
        return str(self.value)
