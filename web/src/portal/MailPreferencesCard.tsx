// 邮件提醒: the signed-in member chooses their own address and which reminders come by e-mail
// (setMailPreferences). Nothing is mailed until they choose; no kind ticked = no mail.
import { mailKinds, mailKindWords, type MailKind } from "@domain/mailKinds";
import { Alert, Button, Card, Checkbox, Input, Space, Spin, Typography } from "antd";
import { doc, getDoc } from "firebase/firestore";
import { useEffect, useState } from "react";
import { call } from "../data/callables";
import { collections } from "../data/collections";
import { formatInstant } from "../shared/dates";
import { auth } from "../shared/firebase";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";

const s = t.mailPreferences;

export function MailPreferencesCard({ programmeId, readOnly }: { programmeId: string; readOnly: boolean }) {
  const [loaded, setLoaded] = useState<"loading" | "failed" | "ready">("loading");
  const [address, setAddress] = useState("");
  const [kinds, setKinds] = useState<MailKind[]>([]);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const outcome = useOutcome();

  useEffect(() => {
    const uid = auth.currentUser?.uid;
    if (!uid) return;
    getDoc(doc(collections.mailPreferences(programmeId), uid)).then(
      (snap) => {
        const p = snap.data();
        if (p) {
          setAddress(p.address);
          setKinds(p.kinds);
          setSavedAt(p.updatedAt);
        }
        setLoaded("ready");
      },
      () => setLoaded("failed"),
    );
  }, [programmeId]);

  const save = () =>
    outcome.run(async () => {
      const done = await call("setMailPreferences", { programmeId, address: address.trim(), kinds });
      setSavedAt(new Date(done.updatedAt));
      return done.kinds.length ? s.saved : s.savedNone;
    });

  return (
    <Card title={s.title} data-testid="mail-preferences">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {s.intro}
        </Typography.Paragraph>
        {loaded === "failed" && <Alert type="error" showIcon title={s.loadFailed} />}
        {loaded === "loading" ? (
          <Spin size="small" />
        ) : (
          <>
            <Typography.Text>{savedAt ? s.current(kinds.length, formatInstant(savedAt)) : s.none}</Typography.Text>
            <label>
              {s.address}
              <Input type="email" aria-label={s.address} placeholder={s.addressPlaceholder} value={address} disabled={readOnly} onChange={(e) => setAddress(e.target.value)} />
            </label>
            <Typography.Text>{s.kinds}</Typography.Text>
            <Checkbox.Group
              style={{ display: "flex", flexDirection: "column", gap: 4 }}
              disabled={readOnly}
              value={kinds}
              onChange={(v) => setKinds(v as MailKind[])}
              options={mailKinds.map((k) => ({ value: k, label: mailKindWords[k] }))}
            />
            <Outcome message={outcome.message} />
            {!readOnly && (
              <Button type="primary" loading={outcome.busy} onClick={save} style={{ alignSelf: "flex-start" }}>
                {s.save}
              </Button>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
