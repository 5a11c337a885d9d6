import { useMemo, useState } from "react";
import {
  describeError,
  toUiError,
  useApplyKanoResult,
  useDeleteKanoImport,
  useImportKanoAnswers,
  useKanoResults,
  usePreviewKanoFile,
  useScoringScales,
  type KanoCategory,
  type KanoImportPreview,
  type KanoItemResult,
  type Product,
} from "../../api";
import { LoadError, useLoadFailure } from "../../components/LoadError";
import { announce } from "../../feedback/announcer";
import { formatDateTime } from "../../lib/format";
import { quoteTitle } from "../../lib/quote";
import { BetterWorseScatter } from "./BetterWorseScatter";
import { ImportPreview } from "./ImportPreview";
import { ResultsTable } from "./ResultsTable";
import styles from "./KanoSurveyView.module.css";

/** The example the empty state shows: the columns Rust reads, with the usual spellings. */
const EXAMPLE_CSV = `respondent,item,functional,dysfunctional
Ana,Offline mode,I like it,I dislike it
Ana,Dark mode,I am neutral,I can live with it
Ben,Offline mode,I expect it,I dislike it`;

type Previewed = { path: string; preview: KanoImportPreview };

/**
 * The Kano questionnaire of a product: "Import answers…" (the system's open dialog, a dry run
 * listing every row's problems, then the import, all or nothing), the imports, the Better/Worse
 * scatter and a results table per item with "Set Kano to <mode>".
 */
export function KanoSurveyView({ product }: { product: Product }) {
  const results = useKanoResults(product.id);
  const failure = useLoadFailure(results);
  const scales = useScoringScales();
  const previewFile = usePreviewKanoFile();
  const importAnswers = useImportKanoAnswers();
  const applyResult = useApplyKanoResult();
  const deleteImport = useDeleteKanoImport();
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  const labelOf = useMemo(() => {
    const scale = scales.data?.inputs.find((input) => input.input === "kano")?.scale;
    const choices = scale?.type === "choices" ? scale.choices : [];
    return (category: KanoCategory) => choices.find((choice) => choice.value === category)?.label ?? category;
  }, [scales.data]);

  const chooseFile = () => {
    setFileError(null);
    setImportError(null);
    previewFile.mutate(
      { productId: product.id },
      {
        onSuccess: (chosen) => {
          if (chosen === null) return;
          setPreviewed(chosen);
          announce(`Preview of ${chosen.preview.source}: ${chosen.preview.summary.rows} rows, ${chosen.preview.summary.problems} with problems`);
        },
        onError: (error) => {
          setPreviewed(null);
          setFileError(describeError(toUiError(error)));
        },
      },
    );
  };

  const runImport = () => {
    if (!previewed) return;
    setImportError(null);
    importAnswers.mutate(
      { productId: product.id, path: previewed.path },
      {
        onSuccess: (survey) => {
          setPreviewed(null);
          announce(`Imported ${survey.answers} answers from ${survey.source}`);
        },
        onError: (error) => setImportError(describeError(toUiError(error))),
      },
    );
  };

  const apply = (item: KanoItemResult) => {
    applyResult.mutate(
      { itemId: item.itemId },
      { onSuccess: () => announce(`${quoteTitle(item.title)} set to ${item.mode === null ? "" : labelOf(item.mode)}`) },
    );
  };

  const data = results.data;
  const surveys = data?.surveys ?? [];
  const items = data?.items ?? [];
  const isEmpty = data !== undefined && surveys.length === 0;

  return (
    <section className="view" aria-labelledby="kano-survey-heading">
      <header className="view-header">
        <div>
          <h1 id="kano-survey-heading" tabIndex={-1}>
            Kano survey
          </h1>
          <p className="view-subtitle">
            Questionnaire answers, classified with the standard Kano evaluation table: what delights, what is expected,
            what nobody minds.
          </p>
        </div>
        <div className="view-header-tools">
          <button
            type="button"
            className={isEmpty ? "button button-primary" : "button"}
            aria-disabled={previewFile.isPending}
            onClick={() => {
              if (!previewFile.isPending) chooseFile();
            }}
          >
            {previewFile.isPending ? "Reading the file…" : "Import answers…"}
          </button>
        </div>
      </header>

      {fileError === null ? null : (
        <p className={styles.blocked} role="alert">
          {fileError}
        </p>
      )}

      {previewed ? (
        <ImportPreview
          preview={previewed.preview}
          labelOf={labelOf}
          isImporting={importAnswers.isPending}
          importError={importError}
          onImport={runImport}
          onCancel={() => {
            setPreviewed(null);
            setImportError(null);
          }}
        />
      ) : null}

      {failure ? <LoadError title="The Kano results couldn’t be loaded." failure={failure} /> : null}
      {results.isPending ? <div className="loading" aria-busy="true" /> : null}

      {isEmpty && !previewed ? (
        <div className="empty-state">
          <h2>No questionnaire answers yet</h2>
          <p>
            Ask each respondent two questions per feature: how they feel if the product has it (functional) and if it
            does not (dysfunctional), each answered Like, Expect, Neutral, Live with or Dislike. Then import a CSV file
            with one line per respondent and item:
          </p>
          <pre className={styles.example}>
            <code>{EXAMPLE_CSV}</code>
          </pre>
          <p>
            An item is named by its exact title (or its id). You see every row and its problems before anything is
            imported, and a file with any problem imports nothing.
          </p>
        </div>
      ) : null}

      {surveys.length > 0 ? (
        <ul className={styles.surveys} aria-label="Imported answers">
          {surveys.map((survey) => (
            <li key={survey.id} className={styles.survey}>
              <span>
                <strong>{survey.source}</strong>: {survey.answers} answers from {survey.respondents} respondents,
                imported {formatDateTime(survey.createdAt)}
              </span>
              <button
                type="button"
                className="button button-ghost"
                aria-label={`Delete the answers imported from ${survey.source}`}
                onClick={() =>
                  deleteImport.mutate(
                    { surveyId: survey.id },
                    { onSuccess: () => announce(`Deleted the answers from ${survey.source}. Undo brings them back.`) },
                  )
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {items.length > 0 ? (
        <div className={styles.results}>
          <div className={styles.overview}>
            <BetterWorseScatter items={items} labelOf={labelOf} />
            <aside className={styles.reading} aria-label="How to read the scatter">
              <h2 className={styles.sectionTitle}>How to read it</h2>
              <dl>
                <dt>{labelOf("attractive")}</dt>
                <dd>High Better, low |Worse|: delights when present, not missed when absent.</dd>
                <dt>{labelOf("performance")}</dt>
                <dd>Both high: the more of it, the happier people are.</dd>
                <dt>{labelOf("must_be")}</dt>
                <dd>Low Better, high |Worse|: expected; missing it dissatisfies.</dd>
                <dt>{labelOf("indifferent")}</dt>
                <dd>Both low: few care either way.</dd>
              </dl>
              <p>
                Better = (A+O)/(A+O+M+I) and Worse = −(O+M)/(A+O+M+I); Reverse and Questionable answers count for
                neither. The mode breaks ties in the order Must-be, Performance, Attractive, Indifferent.
              </p>
            </aside>
          </div>
          <ResultsTable
            items={items}
            labelOf={labelOf}
            applyingItemId={applyResult.isPending ? (applyResult.variables.itemId ?? null) : null}
            onApply={apply}
          />
        </div>
      ) : null}
    </section>
  );
}
