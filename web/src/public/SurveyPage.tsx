// The rating page for a pilot enterprise (GZ-3.3, DG-16.3): no account, one use. The unit and
// partner being rated are named; 满意 / 基本满意 / 不满意 with a comment.
import { Alert, Button, Card, Form, Input, Radio, Result, Spin } from "antd";
import { useEffect, useState } from "react";
import { call, errorText } from "../shared/call";

interface Survey {
  state: "valid" | "used" | "expired" | "invalid";
  message?: string;
  unit?: { name: string };
  enterprise?: { name: string };
  partners?: { id: string; name: string }[];
}

const VALUES = [
  { value: "satisfied", label: "满意" },
  { value: "basicallySatisfied", label: "基本满意" },
  { value: "dissatisfied", label: "不满意" },
];

export default function SurveyPage({ token }: { token: string }) {
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    call<Survey>("getSurvey", { token }).then(setSurvey, (err) => setError(errorText(err)));
  }, [token]);

  if (error) return <Result status="warning" title="评价链接无效" subTitle={error} />;
  if (!survey) return <Spin />;
  if (done) return <Result status="success" title="感谢您的评价！" subTitle="评价已提交，本链接已失效。" />;
  if (survey.state === "used") return <Result status="info" title="该评价链接已使用" subTitle="每个链接只能评价一次。如有疑问请联系工作小组。" />;
  if (survey.state === "expired") return <Result status="info" title="该评价链接已过期" subTitle="请联系工作小组重新发送评价链接。" />;
  if (survey.state !== "valid") return <Result status="warning" title="评价链接无效" subTitle={survey.message} />;

  const subjects = [{ id: "", name: `${survey.unit?.name ?? ""}（牵引单位）` }, ...(survey.partners ?? []).map((p) => ({ ...p, name: `${p.name}（合作伙伴）` }))];

  async function submit(values: Record<string, string>) {
    setSubmitError(null);
    try {
      const ratings = subjects.map((s) => ({ partnerId: s.id || undefined, value: values[`v-${s.id}`], comment: values[`c-${s.id}`] || undefined }));
      await call("submitRating", { token, ratings });
      setDone(true);
    } catch (err) {
      setSubmitError(errorText(err));
    }
  }

  return (
    <Card title={`${survey.enterprise?.name || "试点企业"}：请评价为您提供数字化转型服务的单位`} style={{ maxWidth: 720, margin: "0 auto" }}>
      <Form layout="vertical" onFinish={submit}>
        {subjects.map((s) => (
          <div key={s.id}>
            <Form.Item label={s.name} name={`v-${s.id}`} rules={[{ required: true, message: `请评价${s.name}` }]}>
              <Radio.Group options={VALUES} />
            </Form.Item>
            <Form.Item label={`对${s.name}的意见建议（选填）`} name={`c-${s.id}`}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </div>
        ))}
        {submitError && <Alert type="error" showIcon role="alert" title={submitError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit">
          提交评价
        </Button>
      </Form>
    </Card>
  );
}
