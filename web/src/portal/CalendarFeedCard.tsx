// 日历订阅: the member's private iCalendar link of the unit's deadlines. Generating one shows the
// link once (only its hash is kept) with a copy button and a privacy hint; a new link replaces the
// old. 停用 asks first and says what stops working.
import { stateWords } from "@domain/words";
import { Alert, App, Button, Card, Input, Space, Spin, Typography } from "antd";
import { getDocs, query, where } from "firebase/firestore";
import { useCallback, useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections, rowsOf, type Stored } from "../data/collections";
import { formatInstant } from "../shared/dates";
import { errorText } from "../shared/errorText";
import { auth } from "../shared/firebase";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";

const s = t.calendarFeed;
type Feed = Stored<"calendarFeeds">;

/** The signed-in member's own working link (at most one), re-read after each change. */
function useOwnFeed(programmeId: string, unitId: string) {
  const [feed, setFeed] = useState<Feed | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    const uid = auth.currentUser?.uid;
    if (!uid) return setFeed(null);
    try {
      const snap = await getDocs(query(collections.calendarFeeds(programmeId), where("unitId", "==", unitId), where("memberUid", "==", uid)));
      setFeed(rowsOf(snap).find((f) => f.state === "active") ?? null);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [programmeId, unitId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { feed, failed, reload };
}

export function CalendarFeedCard({ programmeId, unitId, readOnly }: { programmeId: string; unitId: string; readOnly: boolean }) {
  const { feed, failed, reload } = useOwnFeed(programmeId, unitId);
  const [shown, setShown] = useState<string | null>(null);
  const outcome = useOutcome();
  const { modal } = App.useApp();

  const issue = () =>
    outcome.run(async () => {
      const issued = await call("issueCalendarFeed", { programmeId });
      setShown(issued.url);
      await reload();
    });
  const revoke = (f: Feed) =>
    modal.confirm({
      title: s.revokeTitle,
      content: s.revokeConsequence,
      okText: s.revokeConfirm,
      okButtonProps: { danger: true },
      cancelText: t.common.cancel,
      onOk: () =>
        outcome.run(async () => {
          await call("revokeCalendarFeed", { programmeId, feedId: f.id });
          setShown(null);
          await reload();
          return s.revoked;
        }),
    });

  return (
    <Card title={s.title} data-testid="calendar-feed">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {s.intro}
        </Typography.Paragraph>
        {failed && <Alert type="error" showIcon title={s.loadFailed} />}
        {feed === undefined && !failed ? <Spin size="small" /> : <FeedState feed={feed ?? null} />}
        {shown && <ShownOnce url={shown} />}
        <Outcome message={outcome.message} />
        <Space wrap>
          {!readOnly && (
            <Button type={feed ? "default" : "primary"} loading={outcome.busy} onClick={issue}>
              {feed ? s.reissue : s.issue}
            </Button>
          )}
          {feed && (
            <Button danger disabled={outcome.busy} onClick={() => revoke(feed)}>
              {s.revoke}
            </Button>
          )}
        </Space>
        {feed && !readOnly && <Typography.Text type="secondary">{s.reissueHint}</Typography.Text>}
      </Space>
    </Card>
  );
}

function FeedState({ feed }: { feed: Feed | null }) {
  if (!feed) return <Typography.Text>{s.none}</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text data-testid="calendar-feed-state">
        {stateWords.calendarFeed[feed.state]} · {s.createdAt(formatInstant(feed.createdAt))}
      </Typography.Text>
      <Typography.Text type="secondary">{feed.lastFetchedAt ? s.lastFetched(formatInstant(feed.lastFetchedAt)) : s.neverFetched}</Typography.Text>
    </Space>
  );
}

/** The link, this once: a read-only field to select, a copy button, and why it must stay private. */
function ShownOnce({ url }: { url: string }) {
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => message.success(s.copied),
      (err) => message.error(`${s.copyFailed}（${errorText(err)}）`),
    );
  return (
    <Alert
      type="warning"
      showIcon
      title={s.shownOnce}
      description={
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space.Compact style={{ width: "100%" }}>
            <Input readOnly aria-label={s.urlLabel} value={url} data-testid="calendar-feed-url" onFocus={(e) => e.target.select()} />
            <Button onClick={copy}>{s.copy}</Button>
          </Space.Compact>
          <Typography.Text>{s.private}</Typography.Text>
        </Space>
      }
    />
  );
}
