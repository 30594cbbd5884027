import { round, type Measure } from "./report.ts";
import { message, type ReportMessage } from "./report-messages.ts";

/**
 * "RS/C received: 12 more hours needed (38 of 50)." for each measure still short, and "12 hours so
 * far; the figure is set by the association" for each one whose figure no source gives. The words
 * (and their plurals) are the catalogues' `engine.shortfall.*` and `engine.soFar.*`.
 */
export function describeShortfall(measures: Measure[]): ReportMessage[] {
  return measures.flatMap((measure) => {
    if (measure.need === null) return [message(`engine.soFar.${measure.unit}`, { label: measure.label, have: measure.have })];
    if (measure.have >= measure.need) return [];
    return [
      message(`engine.shortfall.${measure.unit}`, {
        label: measure.label,
        remaining: round(measure.need - measure.have),
        have: measure.have,
        need: measure.need,
      }),
    ];
  });
}
