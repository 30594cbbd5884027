import { evaluate } from "./evaluate.ts";
import type { Category, Framework } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { type PreparedPortfolio, preparePortfolio } from "./prepare-portfolio.ts";
import { recommend } from "./recommend.ts";
import { type CompiledPortfolio, compilePortfolio } from "./summary/compile-portfolio.ts";

type Judgements = {
  prepared?: PreparedPortfolio;
  compiled?: CompiledPortfolio;
  answers: Map<string, unknown>;
};

const byPortfolio = new WeakMap<Portfolio, Judgements>();

/**
 * The engine's answers about one version of a portfolio, worked out once: a frozen portfolio (as
 * the read layer shares them, one per stored version) cannot change, so what was said of it stays
 * true for the same framework, category and day. A portfolio that can still change is judged afresh.
 */
export function judgedOnce(portfolio: Portfolio) {
  const memo = Object.isFrozen(portfolio) ? byPortfolio.get(portfolio) : undefined;
  const judgements: Judgements = memo ?? { answers: new Map() };
  if (!memo && Object.isFrozen(portfolio)) byPortfolio.set(portfolio, judgements);
  const remembered = <T>(key: string, work: () => T): T => {
    if (!judgements.answers.has(key)) judgements.answers.set(key, work());
    return judgements.answers.get(key) as T;
  };
  const prepared = () => (judgements.prepared ??= preparePortfolio(portfolio));
  const compiled = () => (judgements.compiled ??= compilePortfolio(portfolio));
  return {
    prepared,
    /** Every category of the framework ranked, closest first (the summary path). */
    recommend: (framework: Framework, asOf: string) => remembered(`recommend ${framework.id} ${asOf}`, () => recommend(framework, compiled(), asOf)),
    /** One category explained (the full report). */
    evaluate: (framework: Framework, category: Category, asOf: string) =>
      remembered(`evaluate ${framework.id} ${category.id} ${asOf}`, () => evaluate(framework, category, prepared(), asOf)),
  };
}
