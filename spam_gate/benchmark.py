"""Caught and false-positive rates of the gate on the labelled corpus."""

from dataclasses import dataclass, field

from .checks import check_text
from .corpus import samples


@dataclass
class BenchmarkResult:
    spam: int = 0
    caught: int = 0
    ham: int = 0
    false_positives: int = 0
    missed: list = field(default_factory=list)
    wrongly_blocked: list = field(default_factory=list)

    @property
    def caught_rate(self):
        return self.caught / self.spam if self.spam else 0.0

    @property
    def false_positive_rate(self):
        return self.false_positives / self.ham if self.ham else 0.0


def run_benchmark():
    result = BenchmarkResult()
    for sample in samples():
        verdict = check_text(sample.text, html=sample.html)
        if sample.is_spam:
            result.spam += 1
            if verdict.is_spam:
                result.caught += 1
            else:
                result.missed.append(sample)
        else:
            result.ham += 1
            if verdict.is_spam:
                result.false_positives += 1
                result.wrongly_blocked.append((sample, verdict.reasons))
    return result
