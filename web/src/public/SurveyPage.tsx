// The rating page for a pilot enterprise (GZ-3.3, DG-16.3): no account, one use. The unit and
// partner being rated are named; 满意 / 基本满意 / 不满意 with a comment.
import { nouns, ratingWords } from "@domain/words";
import { Button, Card, Form, Input, Radio, Result, Spin } from "antd";
import { useEffect, useState } from "react";
import { call, type Survey } from "../data/callables";
import { errorText } from "../shared/errorText";
import { Outcome, useOutcome } from "../shared/Outcome";
import { t } from "../shared/strings";

const s = t.survey;
const VALUES = Object.entries(ratingWords).map(([value, label]) => ({ value, label }));

export default function SurveyPage({ token }: { token: string }) {
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const outcome = useOutcome();

  useEffect(() => {
    call("getSurvey", { token }).then(setSurvey, (err) => setError(errorText(err)));
  }, [token]);

  if (error) return <Result status="warning" title={s.invalid} subTitle={error} />;
  if (!survey) return <Spin />;
  if (outcome.message?.type === "success") return <Result status="success" title={s.thanks} subTitle={outcome.message.text} />;
  // Used, expired or unknown: the domain's own sentence (domain/feedback.ts).
  if (survey.state !== "valid") return <Result status={survey.state === "invalid" ? "warning" : "info"} title={survey.message} />;

  const subjects = [{ id: "", name: s.subject(survey.unit.name, nouns.unit) }, ...survey.partners.map((p) => ({ ...p, name: s.subject(p.name, nouns.partner) }))];

  const submit = (values: Record<string, string>) =>
    outcome.run(async () => {
      const ratings = subjects.map((x) => ({ partnerId: x.id || undefined, value: values[`v-${x.id}`] as keyof typeof ratingWords, comment: values[`c-${x.id}`] || undefined }));
      await call("submitRating", { token, ratings });
      return s.submitted;
    });

  return (
    <Card title={s.title(survey.enterprise.name || nouns.enterprise)} style={{ maxWidth: 720, margin: "0 auto" }}>
      <Form layout="vertical" onFinish={submit}>
        {subjects.map((x) => (
          <div key={x.id}>
            <Form.Item label={x.name} name={`v-${x.id}`} rules={[{ required: true, message: s.rate(x.name) }]}>
              <Radio.Group options={VALUES} />
            </Form.Item>
            <Form.Item label={s.comment(x.name)} name={`c-${x.id}`}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </div>
        ))}
        <Outcome message={outcome.message} />
        <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
          {s.submit}
        </Button>
      </Form>
    </Card>
  );
}
