import { useAppStatus, useDataChangedRefresh } from "./api";
import { useSaveBeforeClose } from "./api/lifecycle";
import { Feedback } from "./feedback/Feedback";
import { ProblemScreen } from "./shell/ProblemScreen";
import { Workspace } from "./shell/Workspace";
import styles from "./App.module.css";
import { cx } from "./lib/classNames";
import problemStyles from "./shell/ProblemScreen.module.css";

export function App() {
  useDataChangedRefresh();
  useSaveBeforeClose();
  const status = useAppStatus();

  let screen;
  if (status.isPending) {
    screen = <div className={cx("loading", styles.loadingScreen)} aria-busy="true" />;
  } else if (status.isError) {
    screen = (
      <main className={problemStyles.screen}>
        <div className={problemStyles.card}>
          <h1>Northstar couldn’t start</h1>
          <p className={problemStyles.message}>The app could not talk to its database. Try again, or restart Northstar.</p>
          <button type="button" className="button button-primary" onClick={() => void status.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  } else if (status.data.problem !== null) {
    screen = <ProblemScreen status={status.data} problem={status.data.problem} />;
  } else {
    screen = <Workspace status={status.data} />;
  }

  return (
    <>
      {screen}
      <Feedback />
    </>
  );
}
